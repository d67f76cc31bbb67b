namespace BiginBulk.Core.Uploads;

/// <summary>
/// The upload error codes Zoho returns for a bad file (contract notes §1.5). They are the wire values, so
/// the upload endpoint can put them in the error envelope unchanged.
/// </summary>
public static class ZipErrorCodes
{
    /// <summary>The upload is not a zip at all (random bytes, a bare CSV, a truncated or damaged zip).</summary>
    public const string InvalidFileFormat = "INVALID_FILE_FORMAT";

    /// <summary>The zip itself is larger than the upload limit (25 MB at Zoho).</summary>
    public const string FileTooLarge = "FILE_TOO_LARGE";

    /// <summary>
    /// A valid zip whose content Bigin will not take: not exactly one CSV, an unsafe entry name, an encrypted
    /// entry, an unsupported compression method, or an entry that expands beyond the limits.
    /// </summary>
    public const string FileNotSupported = "FILE_NOT_SUPPORTED";

    /// <summary>Zoho's own message for <see cref="InvalidFileFormat"/>, kept verbatim for wire compatibility.</summary>
    public const string NotAZipMessage = "The file you uploaded is not in the zip format.";
}
