using System.IO.Compression;
using System.Text;

namespace BiginBulk.Server.Tests.Infrastructure;

/// <summary>Builds upload zips in memory, as a user's zip tool would.</summary>
public static class ZipFiles
{
    public static byte[] WithCsv(string csv, string name = "Contacts.csv") => WithEntry(name, new UTF8Encoding(false).GetBytes(csv));

    public static byte[] WithEntry(string name, byte[] content) => WithEntries((name, content));

    public static byte[] WithEntries(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
                using var stream = entry.Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The entries of a downloaded zip: name → text (UTF-8).</summary>
    public static Dictionary<string, string> Read(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in archive.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            result[entry.FullName] = reader.ReadToEnd();
        }

        return result;
    }
}
