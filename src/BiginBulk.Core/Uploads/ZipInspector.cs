using System.Buffers;
using System.IO.Compression;

namespace BiginBulk.Core.Uploads;

/// <summary>
/// Decides at upload time whether a file is a zip Bigin's bulk write accepts (contract notes §1.6): exactly one
/// CSV, a safe entry name, not encrypted, within the size and expansion limits. The CSV is decompressed once,
/// into a counter and a checksum, never into memory or onto disk.
/// </summary>
public static class ZipInspector
{
    private const int ChunkSize = 81920;

    /// <summary>Inspects <paramref name="zip"/>, a seekable stream such as the upload's temp file.</summary>
    /// <exception cref="ArgumentException">The stream is not seekable: .NET would buffer it whole in memory.</exception>
    public static ZipInspection Inspect(Stream zip, ZipLimits limits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (CheckUpload(zip, limits) is { } early)
        {
            return early;
        }

        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
        {
            return NotAZip();
        }

        using (archive)
        {
            var entry = SelectWithinLimits(archive, limits, out var failure);
            if (entry is null)
            {
                return failure!;
            }

            Stream data;
            try
            {
                data = entry.Open();
            }
            catch (InvalidDataException ex)
            {
                return Unreadable(entry, ex);
            }

            using (data)
            {
                var meter = new ExpansionMeter(entry, limits);
                var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
                try
                {
                    int read;
                    while ((read = data.Read(buffer, 0, ChunkSize)) > 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        if (meter.Add(buffer.AsSpan(0, read)) is { } refused)
                        {
                            return refused;
                        }
                    }
                }
                catch (InvalidDataException ex)
                {
                    return Damaged(entry, ex);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }

                return meter.Finish();
            }
        }
    }

    /// <summary>Asynchronous <see cref="Inspect"/>, for request handlers: decompressing 256 MB takes a while.</summary>
    /// <exception cref="ArgumentException">The stream is not seekable: .NET would buffer it whole in memory.</exception>
    public static async Task<ZipInspection> InspectAsync(Stream zip, ZipLimits limits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (CheckUpload(zip, limits) is { } early)
        {
            return early;
        }

        ZipArchive archive;
        try
        {
            archive = await ZipArchive.CreateAsync(zip, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
        {
            return NotAZip();
        }

        await using (archive)
        {
            var entry = SelectWithinLimits(archive, limits, out var failure);
            if (entry is null)
            {
                return failure!;
            }

            Stream data;
            try
            {
                data = await entry.OpenAsync(cancellationToken);
            }
            catch (InvalidDataException ex)
            {
                return Unreadable(entry, ex);
            }

            await using (data)
            {
                var meter = new ExpansionMeter(entry, limits);
                var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
                try
                {
                    int read;
                    while ((read = await data.ReadAsync(buffer.AsMemory(0, ChunkSize), cancellationToken)) > 0)
                    {
                        if (meter.Add(buffer.AsSpan(0, read)) is { } refused)
                        {
                            return refused;
                        }
                    }
                }
                catch (InvalidDataException ex)
                {
                    return Damaged(entry, ex);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }

                return meter.Finish();
            }
        }
    }

    /// <summary>
    /// Selects the CSV and applies the declared-size limits, which cost nothing. Shared with
    /// <see cref="ZipCsvEntry"/> so the worker opens exactly the entry that was inspected.
    /// </summary>
    internal static ZipArchiveEntry? SelectWithinLimits(ZipArchive archive, ZipLimits limits, out ZipInspection? failure)
    {
        var entry = ZipEntrySelector.Select(archive, out failure);
        if (entry is null)
        {
            return null;
        }

        var problem = limits.ExpansionProblem(ZipEntrySelector.Printable(entry.FullName), entry.Length, entry.CompressedLength);
        if (problem is not null)
        {
            failure = ZipInspection.Failure(ZipErrorCodes.FileNotSupported, problem);
            return null;
        }

        return entry;
    }

    private static ZipInspection? CheckUpload(Stream zip, ZipLimits limits)
    {
        ArgumentNullException.ThrowIfNull(zip);
        if (!zip.CanSeek)
        {
            throw new ArgumentException("The zip must be a seekable stream, such as the upload's temp file.", nameof(zip));
        }

        var length = zip.Length;
        if (length > limits.MaxZipBytes)
        {
            return ZipInspection.Failure(ZipErrorCodes.FileTooLarge, $"The maximum file size is {ZipLimits.Describe(limits.MaxZipBytes)}.");
        }

        return length == 0 ? NotAZip() : null;
    }

    private static ZipInspection NotAZip() => ZipInspection.Failure(ZipErrorCodes.InvalidFileFormat, ZipErrorCodes.NotAZipMessage);

    // Open fails for an unsupported compression method (LZMA, BZip2, ...) or a corrupt local header.
    private static ZipInspection Unreadable(ZipArchiveEntry entry, InvalidDataException ex) =>
        ZipInspection.Failure(
            ZipErrorCodes.FileNotSupported,
            $"The zip entry '{ZipEntrySelector.Printable(entry.FullName)}' cannot be read: {ex.Message}");

    private static ZipInspection Damaged(ZipArchiveEntry entry, InvalidDataException ex) =>
        ZipInspection.Failure(
            ZipErrorCodes.InvalidFileFormat,
            $"The zip entry '{ZipEntrySelector.Printable(entry.FullName)}' is damaged: {ex.Message}");
}
