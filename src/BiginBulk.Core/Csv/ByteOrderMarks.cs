using System.Text;

namespace BiginBulk.Core.Csv;

/// <summary>Recognises the byte order marks of UTF-8, UTF-16 and UTF-32.</summary>
internal static class ByteOrderMarks
{
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
    public static readonly Encoding Utf16LE = new UnicodeEncoding(bigEndian: false, byteOrderMark: false);
    public static readonly Encoding Utf16BE = new UnicodeEncoding(bigEndian: true, byteOrderMark: false);
    public static readonly Encoding Utf32LE = new UTF32Encoding(bigEndian: false, byteOrderMark: false);
    public static readonly Encoding Utf32BE = new UTF32Encoding(bigEndian: true, byteOrderMark: false);

    /// <summary>The encoding a byte order mark announces and its length, or (null, 0).</summary>
    public static (Encoding? Encoding, int Length) Detect(ReadOnlySpan<byte> bytes)
    {
        // UTF-32 LE first: its mark begins with the UTF-16 LE mark.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return (Utf32LE, 4);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return (Utf32BE, 4);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Utf8, 3);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Utf16LE, 2);
        }

        return bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? (Utf16BE, 2) : (null, 0);
    }

    /// <summary>
    /// UTF-16 saved without a mark still shows itself: text that is mostly ASCII has a zero byte in every
    /// other position. Valid UTF-8 can contain zero bytes, so this runs before the UTF-8 check.
    /// </summary>
    public static Encoding? GuessUtf16(ReadOnlySpan<byte> bytes)
    {
        var length = Math.Min(bytes.Length, 4096) & ~1;
        if (length < 4)
        {
            return null;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < length; i++)
        {
            if (bytes[i] == 0)
            {
                if (i % 2 == 0)
                {
                    evenZeros++;
                }
                else
                {
                    oddZeros++;
                }
            }
        }

        var units = length / 2;
        if (oddZeros * 2 >= units && evenZeros * 20 < units)
        {
            return Utf16LE;
        }

        return evenZeros * 2 >= units && oddZeros * 20 < units ? Utf16BE : null;
    }
}
