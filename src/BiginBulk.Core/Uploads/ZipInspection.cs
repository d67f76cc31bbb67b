using System.Diagnostics.CodeAnalysis;

namespace BiginBulk.Core.Uploads;

/// <summary>
/// The verdict on an uploaded zip: either the name and size of its single CSV, or the Zoho error code and a
/// message precise enough for the user to fix the file. A bad upload is an answer, not an exception.
/// </summary>
public sealed record ZipInspection
{
    private ZipInspection()
    {
    }

    /// <summary>True when the zip holds exactly one acceptable CSV; then <see cref="CsvEntryName"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(CsvEntryName))]
    [MemberNotNullWhen(false, nameof(ErrorCode), nameof(Message))]
    public bool IsValid => ErrorCode is null;

    /// <summary>The CSV's entry name, e.g. <c>Contacts.csv</c>; it has no folder part.</summary>
    public string? CsvEntryName { get; private init; }

    /// <summary>The CSV's size once decompressed, counted by actually decompressing it.</summary>
    public long UncompressedBytes { get; private init; }

    /// <summary>One of <see cref="ZipErrorCodes"/> when the zip is refused.</summary>
    public string? ErrorCode { get; private init; }

    /// <summary>Why the zip is refused, naming the offending entry when there is one.</summary>
    public string? Message { get; private init; }

    public static ZipInspection Success(string csvEntryName, long uncompressedBytes) =>
        new() { CsvEntryName = csvEntryName, UncompressedBytes = uncompressedBytes };

    public static ZipInspection Failure(string errorCode, string message) =>
        new() { ErrorCode = errorCode, Message = message };
}
