namespace BiginBulk.Storage.Auth;

/// <summary>
/// A tenant. Its id doubles as Zoho's <c>zgid</c>, the value of the <c>X-CRM-ORG</c> header.
/// <see cref="TimeZone"/> is an IANA name, <see cref="Currency"/> an ISO 4217 code.
/// </summary>
public sealed record Org(long Id, string Name, DateTimeOffset CreatedTime, string TimeZone = "UTC", string Currency = "USD");
