using System.Globalization;
using Microsoft.Extensions.Options;

namespace BiginBulk.Server.Options;

/// <summary>
/// Checks the <c>BiginBulk</c> section before the server starts, so a setting that cannot work (a page size of
/// 0, a negative column limit, a node id out of range) stops it at once with one line that names the key,
/// instead of starting silently and failing on the first request, or dying later with a stack trace.
/// </summary>
internal sealed class BiginBulkOptionsValidator : IValidateOptions<BiginBulkOptions>
{
    public ValidateOptionsResult Validate(string? name, BiginBulkOptions options)
    {
        var failures = new List<string>();
        const string root = BiginBulkOptions.Section;
        Within(failures, $"{root}:NodeId", options.NodeId, 0, 1023);
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add($"{root}:DataDirectory is empty; it must name a directory.");
        }

        if (!string.IsNullOrEmpty(options.PublicBaseUrl)
            && !(Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var baseUrl) && (baseUrl.Scheme == Uri.UriSchemeHttp || baseUrl.Scheme == Uri.UriSchemeHttps)))
        {
            failures.Add($"{root}:PublicBaseUrl is '{options.PublicBaseUrl}'; it must be an absolute http or https URL.");
        }

        var limits = options.Limits;
        var l = $"{root}:Limits";
        AtLeast(failures, $"{l}:MaxUploadBytes", limits.MaxUploadBytes, 1);
        AtLeast(failures, $"{l}:MaxUncompressedBytes", limits.MaxUncompressedBytes, 1);
        if (!(limits.MaxCompressionRatio >= 1))
        {
            failures.Add($"{l}:MaxCompressionRatio is {limits.MaxCompressionRatio.ToString(CultureInfo.InvariantCulture)}; it must be at least 1.");
        }

        AtLeast(failures, $"{l}:MaxRowsPerFile", limits.MaxRowsPerFile, 1);
        AtLeast(failures, $"{l}:MaxColumns", limits.MaxColumns, 1);
        AtLeast(failures, $"{l}:WriteChunkRows", limits.WriteChunkRows, 1);
        AtLeast(failures, $"{l}:MaxJsonBodyBytes", limits.MaxJsonBodyBytes, 1);
        AtLeast(failures, $"{l}:ReadPageSize", limits.ReadPageSize, 1);
        AtLeast(failures, $"{l}:MaxIcsEvents", limits.MaxIcsEvents, 1);
        AtLeast(failures, $"{l}:MaxCriteria", limits.MaxCriteria, 1);
        AtLeast(failures, $"{l}:ReadDownloadsPerMinute", limits.ReadDownloadsPerMinute, 1);
        AtLeast(failures, $"{l}:MaxConcurrentJobsPerOrg", limits.MaxConcurrentJobsPerOrg, 1);

        var c = $"{root}:Callbacks";
        Positive(failures, $"{c}:Timeout", options.Callbacks.Timeout);
        AtLeast(failures, $"{c}:MaxAttempts", options.Callbacks.MaxAttempts, 1);
        NotNegative(failures, $"{c}:RetryBaseDelay", options.Callbacks.RetryBaseDelay);
        Positive(failures, $"{c}:PollInterval", options.Callbacks.PollInterval);

        var cr = $"{root}:Credits";
        AtLeast(failures, $"{cr}:PerDay", options.Credits.PerDay, 0);
        AtLeast(failures, $"{cr}:BulkWriteCost", options.Credits.BulkWriteCost, 0);
        AtLeast(failures, $"{cr}:BulkReadCost", options.Credits.BulkReadCost, 0);

        var w = $"{root}:Worker";
        Positive(failures, $"{w}:PollInterval", options.Worker.PollInterval);
        Positive(failures, $"{w}:LeaseDuration", options.Worker.LeaseDuration);

        var a = $"{root}:AuthThrottling";
        AtLeast(failures, $"{a}:FailuresPerClient", options.AuthThrottling.FailuresPerClient, 1);
        AtLeast(failures, $"{a}:FailuresPerAddress", options.AuthThrottling.FailuresPerAddress, 1);
        Positive(failures, $"{a}:Window", options.AuthThrottling.Window);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AtLeast(List<string> failures, string key, long value, long minimum)
    {
        if (value < minimum)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{key} is {value}; it must be at least {minimum}."));
        }
    }

    private static void Within(List<string> failures, string key, long value, long minimum, long maximum)
    {
        if (value < minimum || value > maximum)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{key} is {value}; it must be from {minimum} to {maximum}."));
        }
    }

    private static void Positive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{key} is {value}; it must be longer than 00:00:00."));
        }
    }

    private static void NotNegative(List<string> failures, string key, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{key} is {value}; it must not be negative."));
        }
    }
}
