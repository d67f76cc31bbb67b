using System.Buffers.Binary;
using System.IO.Compression;

namespace BiginBulk.Core.Tests.Uploads;

/// <summary>Builds real zips in memory, and patches their headers to forge what real-world bad zips contain.</summary>
internal static class TestZips
{
    private const uint LocalHeaderSignature = 0x04034b50;
    private const uint CentralHeaderSignature = 0x02014b50;

    public static byte[] Build(params (string Name, byte[] Data)[] entries)
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                using var entry = archive.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                entry.Write(data);
            }
        }

        return zip.ToArray();
    }

    public static byte[] Csv(string name, string text) => Build((name, System.Text.Encoding.UTF8.GetBytes(text)));

    /// <summary>Sets the uncompressed size in every local and central header.</summary>
    public static byte[] WithDeclaredSize(byte[] zip, uint size) =>
        Patch(zip, (bytes, isLocal) => BinaryPrimitives.WriteUInt32LittleEndian(bytes[(isLocal ? 22 : 24)..], size));

    /// <summary>Sets the "encrypted" bit of the general purpose flags in every header.</summary>
    public static byte[] MarkedEncrypted(byte[] zip) =>
        Patch(zip, (bytes, isLocal) => bytes[isLocal ? 6 : 8] |= 1);

    /// <summary>Sets the compression method of every entry (14 = LZMA, which .NET cannot read).</summary>
    public static byte[] WithCompressionMethod(byte[] zip, ushort method) =>
        Patch(zip, (bytes, isLocal) => BinaryPrimitives.WriteUInt16LittleEndian(bytes[(isLocal ? 8 : 10)..], method));

    /// <summary>Flips the recorded CRC-32 of every entry.</summary>
    public static byte[] WithWrongChecksum(byte[] zip) =>
        Patch(zip, (bytes, isLocal) => bytes[isLocal ? 14 : 16] ^= 0xFF);

    private delegate void HeaderPatch(Span<byte> header, bool isLocal);

    // Header field offsets are from APPNOTE.TXT §4.3.7 (local) and §4.3.12 (central directory).
    private static byte[] Patch(byte[] zip, HeaderPatch patch)
    {
        var bytes = (byte[])zip.Clone();
        for (var i = 0; i + 46 <= bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            if (signature is LocalHeaderSignature or CentralHeaderSignature)
            {
                patch(bytes.AsSpan(i), signature == LocalHeaderSignature);
            }
        }

        return bytes;
    }
}
