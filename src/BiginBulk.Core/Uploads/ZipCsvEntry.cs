using System.IO.Compression;

namespace BiginBulk.Core.Uploads;

/// <summary>
/// The decompressed CSV of a stored upload, for the worker to stream rows from. It picks the entry with the
/// same rules as <see cref="ZipInspector"/> (ignoring folders and macOS metadata) and keeps the archive open
/// until disposed. <see cref="Stream"/> is forward-only and throws <see cref="InvalidDataException"/> if the
/// entry expands past the limits.
/// </summary>
public sealed class ZipCsvEntry : IDisposable, IAsyncDisposable
{
    private readonly ZipArchive _archive;

    private ZipCsvEntry(ZipArchive archive, string name, long declaredBytes, Stream stream)
    {
        _archive = archive;
        Name = name;
        DeclaredBytes = declaredBytes;
        Stream = stream;
    }

    /// <summary>The entry name, e.g. <c>Contacts.csv</c>; result files are named after it.</summary>
    public string Name { get; }

    /// <summary>The uncompressed size the zip declares for the entry.</summary>
    public long DeclaredBytes { get; }

    /// <summary>The decompressed CSV bytes; not seekable.</summary>
    public Stream Stream { get; }

    /// <summary>Opens the CSV in <paramref name="zip"/>, a seekable stream.</summary>
    /// <param name="zip">The stored upload.</param>
    /// <param name="limits">Expansion limits; <see cref="ZipLimits.Default"/> when null.</param>
    /// <param name="leaveOpen">Whether <paramref name="zip"/> stays open after this entry is disposed.</param>
    /// <exception cref="InvalidDataException">The zip is not one that <see cref="ZipInspector"/> would accept.</exception>
    public static ZipCsvEntry Open(Stream zip, ZipLimits? limits = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(zip);
        limits ??= ZipLimits.Default;
        var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen);
        try
        {
            var entry = Select(archive, limits);
            return Wrap(archive, entry, entry.Open(), limits);
        }
        catch
        {
            archive.Dispose();
            throw;
        }
    }

    /// <summary>Asynchronous <see cref="Open"/>.</summary>
    /// <exception cref="InvalidDataException">The zip is not one that <see cref="ZipInspector"/> would accept.</exception>
    public static async Task<ZipCsvEntry> OpenAsync(
        Stream zip,
        ZipLimits? limits = null,
        bool leaveOpen = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zip);
        limits ??= ZipLimits.Default;
        var archive = await ZipArchive.CreateAsync(zip, ZipArchiveMode.Read, leaveOpen, entryNameEncoding: null, cancellationToken);
        try
        {
            var entry = Select(archive, limits);
            return Wrap(archive, entry, await entry.OpenAsync(cancellationToken), limits);
        }
        catch
        {
            await archive.DisposeAsync();
            throw;
        }
    }

    public void Dispose()
    {
        Stream.Dispose();
        _archive.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await Stream.DisposeAsync();
        await _archive.DisposeAsync();
    }

    private static ZipArchiveEntry Select(ZipArchive archive, ZipLimits limits) =>
        ZipInspector.SelectWithinLimits(archive, limits, out var failure)
        ?? throw new InvalidDataException(failure!.Message);

    private static ZipCsvEntry Wrap(ZipArchive archive, ZipArchiveEntry entry, Stream data, ZipLimits limits) =>
        new(
            archive,
            entry.FullName,
            entry.Length,
            new ExpansionGuardStream(data, ZipEntrySelector.Printable(entry.FullName), entry.CompressedLength, limits));
}
