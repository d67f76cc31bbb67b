using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;
using UtfUnknown;

namespace BiginBulk.Core.Csv;

/// <summary>
/// Picks the encoding of an uploaded CSV from its first bytes, the way the job's optional
/// <c>character_encoding</c> is documented: "usually auto-detected, but if specified, then it will be used".
/// Order: the explicit name; a byte order mark; UTF-16 without a mark; valid UTF-8 (ASCII included);
/// UTF.Unknown's detector for legacy encodings; windows-1252.
/// </summary>
/// <remarks>
/// Only the sample is examined. A file that is valid UTF-8 for its first 64 KiB and not afterwards is read as
/// UTF-8; <see cref="CsvRowReader"/> then gives every row with undecodable bytes a problem instead of importing
/// replacement characters silently.
/// </remarks>
public static class CsvEncodingDetector
{
    /// <summary>How many leading bytes are examined.</summary>
    public const int SampleSize = 64 * 1024;

    // Below this confidence UTF.Unknown is guessing; windows-1252 is the better guess for spreadsheet exports.
    private const float MinConfidence = 0.5f;

    /// <summary>Chooses the encoding of a CSV from its first bytes.</summary>
    /// <param name="sample">The first bytes of the file, up to <see cref="SampleSize"/>.</param>
    /// <param name="explicitEncoding">The job's <c>character_encoding</c>; when set it wins over detection.</param>
    /// <param name="sampleIsWholeFile">True when the sample is the whole file, so its last character is not cut in two.</param>
    /// <exception cref="ArgumentException"><paramref name="explicitEncoding"/> names no encoding this server knows.</exception>
    public static CsvEncodingDetection Detect(ReadOnlySpan<byte> sample, string? explicitEncoding = null, bool sampleIsWholeFile = false)
    {
        CodePages.EnsureRegistered();
        var (bomEncoding, bomLength) = ByteOrderMarks.Detect(sample);

        if (explicitEncoding is not null)
        {
            return FromExplicitName(explicitEncoding, bomEncoding, bomLength);
        }

        if (bomEncoding is not null)
        {
            return Result(bomEncoding, bomLength, CsvEncodingSource.ByteOrderMark);
        }

        if (ByteOrderMarks.GuessUtf16(sample) is { } utf16)
        {
            return Result(utf16, 0, CsvEncodingSource.Utf16Pattern);
        }

        if (IsUtf8(sample, sampleIsWholeFile))
        {
            return Result(ByteOrderMarks.Utf8, 0, CsvEncodingSource.ValidUtf8);
        }

        var detected = CharsetDetector.DetectFromBytes(sample).Detected;
        if (detected?.Encoding is { } legacy && detected.Confidence >= MinConfidence && !IsUnicode(legacy))
        {
            // WHATWG treats Latin-1 and ASCII labels as windows-1252, a superset that also maps 0x80-0x9F (€, “, ”).
            return legacy.CodePage is 28591 or 20127
                ? Result(Windows1252, 0, CsvEncodingSource.Detected)
                : Result(legacy, 0, CsvEncodingSource.Detected);
        }

        return Result(Windows1252, 0, CsvEncodingSource.Fallback);
    }

    /// <summary>
    /// Resolves a <c>character_encoding</c> name (IANA names and .NET aliases, case-insensitive, e.g. <c>UTF-8</c>,
    /// <c>utf8</c>, <c>ISO-8859-1</c>, <c>windows-1252</c>, <c>UTF-16LE</c>, <c>Shift_JIS</c>).
    /// </summary>
    public static bool TryGetEncoding(string name, [NotNullWhen(true)] out Encoding? encoding)
    {
        ArgumentNullException.ThrowIfNull(name);
        CodePages.EnsureRegistered();
        var trimmed = name.Trim();
        encoding = Compact(trimmed) switch
        {
            "UTF8" => ByteOrderMarks.Utf8,
            "UTF16" or "UTF16LE" => ByteOrderMarks.Utf16LE,
            "UTF16BE" => ByteOrderMarks.Utf16BE,
            "UTF32" or "UTF32LE" => ByteOrderMarks.Utf32LE,
            "UTF32BE" => ByteOrderMarks.Utf32BE,
            _ => Lookup(trimmed),
        };
        return encoding is not null;
    }

    /// <summary>The name to report as <c>character_encoding</c>: IANA's preferred spelling where .NET's differs.</summary>
    public static string GetCanonicalName(Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        return encoding.CodePage switch
        {
            65001 => "UTF-8",
            1200 => "UTF-16LE",
            1201 => "UTF-16BE",
            12000 => "UTF-32LE",
            12001 => "UTF-32BE",
            932 => "Shift_JIS",
            950 => "Big5",
            _ when encoding.WebName.StartsWith("windows-", StringComparison.Ordinal) => encoding.WebName,
            _ when encoding.WebName.StartsWith("ibm", StringComparison.Ordinal) => encoding.WebName.ToUpperInvariant(),
            _ when encoding.WebName == "macintosh" => encoding.WebName,
            _ => encoding.WebName.ToUpperInvariant(),
        };
    }

    internal static string UnknownEncodingMessage(string name) =>
        $"The character_encoding '{name}' is not supported. Use a name such as UTF-8, UTF-16LE, ISO-8859-1, windows-1252 or Shift_JIS.";

    private static Encoding Windows1252 => Encoding.GetEncoding(1252);

    private static CsvEncodingDetection FromExplicitName(string name, Encoding? bomEncoding, int bomLength)
    {
        if (!TryGetEncoding(name, out var encoding))
        {
            throw new ArgumentException(UnknownEncodingMessage(name), nameof(name));
        }

        // "UTF-16" and "UTF-32" leave the byte order open (RFC 2781): let the mark settle it.
        if (Compact(name.Trim()) is "UTF16" or "UTF32" && bomEncoding is not null && IsSameFamily(bomEncoding, encoding))
        {
            encoding = bomEncoding;
        }

        // Skip the mark only when it belongs to the named encoding; otherwise the name wins and the bytes are data.
        var skip = bomEncoding is not null && bomEncoding.CodePage == encoding.CodePage ? bomLength : 0;
        return Result(encoding, skip, CsvEncodingSource.Explicit);
    }

    private static Encoding? Lookup(string name)
    {
        try
        {
            var encoding = Encoding.GetEncoding(name);
            return encoding.CodePage == 65001 ? ByteOrderMarks.Utf8 : encoding;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static string Compact(string name) => name.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToUpperInvariant();

    // 1200/1201 are UTF-16 LE/BE, 12000/12001 UTF-32 LE/BE.
    private static bool IsSameFamily(Encoding a, Encoding b) => a.CodePage / 2 == b.CodePage / 2;

    private static bool IsUnicode(Encoding encoding) => encoding.CodePage is 65000 or 65001 or 1200 or 1201 or 12000 or 12001;

    private static CsvEncodingDetection Result(Encoding encoding, int bomLength, CsvEncodingSource source) =>
        new(encoding, GetCanonicalName(encoding), bomLength, source);

    /// <summary>Valid UTF-8, ignoring a character cut in two at the end of a partial sample.</summary>
    private static bool IsUtf8(ReadOnlySpan<byte> sample, bool sampleIsWholeFile) =>
        Utf8.IsValid(sampleIsWholeFile ? sample : sample[..CompleteLength(sample)]);

    private static int CompleteLength(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue; // continuation byte: keep looking for the lead byte
            }

            var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? bytes.Length - back : bytes.Length;
        }

        return bytes.Length;
    }
}
