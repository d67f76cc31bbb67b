using BiginBulk.Server.Persistence;

namespace BiginBulk.Server.Options;

/// <summary>
/// The settings check that runs before the host is built: every setting that cannot work becomes one line
/// naming its key, printed on stderr, and the process exits non-zero, without a stack trace. It runs the same
/// <see cref="BiginBulkOptionsValidator"/> that <c>ValidateOnStart</c> runs, plus the store choice, which
/// decides which services exist and so must be known before they are registered.
/// </summary>
internal static class StartupSettings
{
    /// <summary>The exit code for settings that cannot work.</summary>
    public const int InvalidSettingsExitCode = 2;

    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        BiginBulkOptions options;
        try
        {
            options = configuration.GetSection(BiginBulkOptions.Section).Get<BiginBulkOptions>() ?? new BiginBulkOptions();
        }
        catch (InvalidOperationException ex)
        {
            // A value that is not of its setting's type ("Failed to convert configuration value 'x' at 'BiginBulk:NodeId' …").
            return [ex.Message];
        }

        var problems = new List<string>();
        var result = new BiginBulkOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            problems.AddRange(result.Failures);
        }

        if (StorageRegistration.Problem(configuration) is { } storage)
        {
            problems.Add(storage);
        }

        return problems;
    }

    public static async Task<bool> ReportAsync(IConfiguration configuration)
    {
        var problems = Problems(configuration);
        foreach (var problem in problems)
        {
            await Console.Error.WriteLineAsync($"BiginBulk cannot start: {problem}");
        }

        return problems.Count == 0;
    }
}
