using System.IO.Compression;
using System.IO.Hashing;

namespace BiginBulk.Core.Uploads;

/// <summary>
/// Follows the CSV entry while it is really decompressed: counts bytes against the expansion limits (stopping
/// at the first chunk past them, since declared sizes lie in real bombs) and recomputes the CRC so that a
/// damaged entry, or one whose declared size was forged, is refused instead of being read short (.NET's zip
/// reader neither checks the CRC nor reads past an entry's declared size).
/// </summary>
internal sealed class ExpansionMeter(ZipArchiveEntry entry, ZipLimits limits)
{
    private readonly Crc32 _crc = new();

    public long Bytes { get; private set; }

    /// <summary>Accounts for one decompressed chunk; returns a refusal as soon as a limit is passed.</summary>
    public ZipInspection? Add(ReadOnlySpan<byte> chunk)
    {
        Bytes += chunk.Length;
        _crc.Append(chunk);
        var problem = limits.ExpansionProblem(ZipEntrySelector.Printable(entry.FullName), Bytes, entry.CompressedLength);
        return problem is null ? null : ZipInspection.Failure(ZipErrorCodes.FileNotSupported, problem);
    }

    /// <summary>The verdict once the entry is fully decompressed.</summary>
    public ZipInspection Finish()
    {
        // .NET stops reading an entry at its declared length, so a forged (smaller) declared size shows up
        // here as a checksum mismatch rather than as extra bytes.
        if (Bytes != entry.Length || _crc.GetCurrentHashAsUInt32() != entry.Crc32)
        {
            return ZipInspection.Failure(
                ZipErrorCodes.InvalidFileFormat,
                $"The zip entry '{ZipEntrySelector.Printable(entry.FullName)}' is damaged: its data does not match the size and checksum recorded in the zip.");
        }

        return ZipInspection.Success(entry.FullName, Bytes);
    }
}
