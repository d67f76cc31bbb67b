using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace BiginBulk.Core.Uploads;

/// <summary>
/// Picks the single CSV out of an uploaded zip. Used both when the upload is inspected and when a worker
/// opens the stored zip later, so the two can never disagree about which entry is "the CSV".
/// </summary>
internal static class ZipEntrySelector
{
    private const int MaxNamesListed = 10;
    private const int MaxNameLength = 200;

    /// <summary>Characters Windows refuses in file names; result files are named after the entry.</summary>
    private static readonly SearchValues<char> ForbiddenNameChars = SearchValues.Create("<>:\"|?*");

    /// <summary>Returns the CSV entry, or null with <paramref name="failure"/> saying why the zip is refused.</summary>
    public static ZipArchiveEntry? Select(ZipArchive archive, out ZipInspection? failure)
    {
        var candidates = archive.Entries.Where(e => !IsIgnored(e)).ToList();
        if (candidates.Count != 1)
        {
            failure = Refuse(CountProblem(candidates));
            return null;
        }

        var entry = candidates[0];
        var unsafeReason = UnsafeNameReason(entry.FullName);
        if (unsafeReason is not null)
        {
            failure = Refuse(unsafeReason);
            return null;
        }

        if (!entry.FullName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            failure = Refuse($"The zip must hold exactly one CSV file; '{Printable(entry.FullName)}' is not a .csv file.");
            return null;
        }

        if (entry.IsEncrypted)
        {
            failure = Refuse($"The zip entry '{Printable(entry.FullName)}' is encrypted; upload a zip without a password.");
            return null;
        }

        failure = null;
        return entry;
    }

    /// <summary>
    /// Folders and the metadata macOS Finder adds when it zips (<c>__MACOSX/</c>, <c>.DS_Store</c>, AppleDouble
    /// <c>._name</c> files) are not content the user chose, so they neither count nor get refused.
    /// </summary>
    internal static bool IsIgnored(ZipArchiveEntry entry)
    {
        var name = entry.FullName;
        if (name.Length == 0)
        {
            return false;
        }

        if ((name[^1] is '/' or '\\') && entry.Length == 0)
        {
            return true;
        }

        if (name.StartsWith("__MACOSX/", StringComparison.Ordinal) || name.StartsWith("__MACOSX\\", StringComparison.Ordinal))
        {
            return true;
        }

        var last = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        return last == ".DS_Store" || last.StartsWith("._", StringComparison.Ordinal);
    }

    /// <summary>
    /// We never extract to disk, but the entry name ends up in the result file's name, so anything that could
    /// be a path is refused: control characters, absolute paths and drive letters, <c>..</c> segments, folders,
    /// and characters no file system allows.
    /// </summary>
    internal static string? UnsafeNameReason(string name)
    {
        var shown = Printable(name);
        if (name.Length == 0)
        {
            return "The zip holds an entry with an empty name.";
        }

        if (name.Any(char.IsControl))
        {
            return $"The zip entry '{shown}' has control characters in its name.";
        }

        if (name[0] is '/' or '\\' || (name.Length >= 2 && char.IsAsciiLetter(name[0]) && name[1] == ':'))
        {
            return $"The zip entry '{shown}' has an absolute path; put the CSV file at the top level of the zip.";
        }

        if (name.Split('/', '\\').Any(segment => segment == ".."))
        {
            return $"The zip entry '{shown}' has '..' in its path; put the CSV file at the top level of the zip.";
        }

        if (name.AsSpan().IndexOfAny('/', '\\') >= 0)
        {
            return $"The zip entry '{shown}' is inside a folder; put the CSV file at the top level of the zip.";
        }

        if (name.AsSpan().IndexOfAny(ForbiddenNameChars) >= 0 || name is "." || name.EndsWith('.') || name.EndsWith(' '))
        {
            return $"The zip entry '{shown}' has a name that is not a valid file name.";
        }

        return null;
    }

    /// <summary>Entry names are user input echoed into messages: escape control characters and cap the length.</summary>
    internal static string Printable(string name)
    {
        var builder = new StringBuilder(Math.Min(name.Length, MaxNameLength) + 8);
        foreach (var c in name.Length > MaxNameLength ? name[..MaxNameLength] : name)
        {
            if (char.IsControl(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return name.Length > MaxNameLength ? builder.Append('…').ToString() : builder.ToString();
    }

    private static string CountProblem(List<ZipArchiveEntry> candidates)
    {
        if (candidates.Count == 0)
        {
            return "The zip must hold exactly one CSV file; it holds none.";
        }

        var names = string.Join(", ", candidates.Take(MaxNamesListed).Select(e => Printable(e.FullName)));
        var more = candidates.Count > MaxNamesListed ? ", …" : "";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"The zip must hold exactly one CSV file; it holds {candidates.Count}: {names}{more}");
    }

    private static ZipInspection Refuse(string message) => ZipInspection.Failure(ZipErrorCodes.FileNotSupported, message);
}
