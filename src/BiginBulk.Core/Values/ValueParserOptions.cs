namespace BiginBulk.Core.Values;

/// <summary>Settings that change how <see cref="FieldValueParser"/> reads cells.</summary>
public sealed record ValueParserOptions
{
    /// <summary>UTC everywhere; the org's own time zone is not modelled yet.</summary>
    public static ValueParserOptions Default { get; } = new();

    /// <summary>
    /// The zone a date-time without an offset (Zoho's default <c>MM/dd/yyyy HH:mm:ss</c>) is read in.
    /// Zoho uses the importing user's zone; we default to UTC so a file means the same on every server.
    /// </summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;
}
