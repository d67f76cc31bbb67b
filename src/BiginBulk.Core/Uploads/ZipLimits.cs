using System.Globalization;

namespace BiginBulk.Core.Uploads;

/// <summary>
/// How big an uploaded zip may be and how far its CSV may expand. The zip size default is Zoho's published
/// 25 MB; the expansion limits are ours, to refuse zip bombs before a worker streams them.
/// </summary>
public sealed record ZipLimits
{
    private const long MiB = 1024 * 1024;

    /// <summary>The defaults: 25 MiB zip, 256 MiB uncompressed, ratio 200 above 1 MiB.</summary>
    public static ZipLimits Default { get; } = new();

    /// <summary>Largest accepted zip, in bytes. Zoho: "The maximum file size is 25MB."</summary>
    public long MaxZipBytes { get; init; } = 25 * MiB;

    /// <summary>Largest accepted size of the CSV once decompressed, in bytes.</summary>
    public long MaxUncompressedBytes { get; init; } = 256 * MiB;

    /// <summary>Largest accepted ratio of uncompressed to compressed size of the CSV entry.</summary>
    public double MaxCompressionRatio { get; init; } = 200;

    /// <summary>
    /// The ratio is only enforced once the entry expands past this many bytes. A small CSV of mostly empty
    /// cells can legitimately compress more than 200:1 and is harmless; the ratio guards against big expansions.
    /// </summary>
    public long MinBytesForRatioCheck { get; init; } = MiB;

    /// <summary>
    /// Describes why an entry of <paramref name="uncompressedBytes"/> stored in <paramref name="compressedBytes"/>
    /// breaks the expansion limits, or returns null when it does not. Shared by the declared-size check, the
    /// decompressing check and the guard stream so all three word the refusal the same way.
    /// </summary>
    internal string? ExpansionProblem(string entryName, long uncompressedBytes, long compressedBytes)
    {
        if (uncompressedBytes > MaxUncompressedBytes)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"The zip entry '{entryName}' expands to more than {Describe(MaxUncompressedBytes)}, the limit for an uncompressed CSV.");
        }

        if (uncompressedBytes > MinBytesForRatioCheck
            && uncompressedBytes > MaxCompressionRatio * Math.Max(compressedBytes, 1))
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"The zip entry '{entryName}' expands more than {MaxCompressionRatio} times its compressed size, the limit for a CSV; it looks like a zip bomb.");
        }

        return null;
    }

    internal static string Describe(long bytes) =>
        bytes % MiB == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / MiB}MB")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");
}
