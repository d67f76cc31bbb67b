using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Startup;

/// <summary>
/// Settings that cannot work stop the server before it listens: one line on stderr naming the key and what it
/// must be, no stack trace, and exit code 2.
/// </summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("BiginBulk__Limits__ReadPageSize", "0", "BiginBulk:Limits:ReadPageSize is 0; it must be at least 1.")]
    [InlineData("BiginBulk__Limits__MaxColumns", "-1", "BiginBulk:Limits:MaxColumns is -1; it must be at least 1.")]
    [InlineData("BiginBulk__NodeId", "2000", "BiginBulk:NodeId is 2000; it must be from 0 to 1023.")]
    [InlineData("BiginBulk__NodeId", "-1", "BiginBulk:NodeId is -1; it must be from 0 to 1023.")]
    [InlineData("BiginBulk__Worker__LeaseDuration", "00:00:00", "BiginBulk:Worker:LeaseDuration is 00:00:00; it must be longer than 00:00:00.")]
    [InlineData("BiginBulk__AuthThrottling__FailuresPerClient", "0", "BiginBulk:AuthThrottling:FailuresPerClient is 0; it must be at least 1.")]
    [InlineData("BiginBulk__PublicBaseUrl", "ftp://x", "BiginBulk:PublicBaseUrl is 'ftp://x'; it must be an absolute http or https URL.")]
    [InlineData("BiginBulk__Storage__Provider", "Oracle", "BiginBulk:Storage:Provider is 'Oracle'; it must be Sqlite (the default) or PostgreSql.")]
    public async Task A_setting_that_cannot_work_stops_the_server_with_one_line(string variable, string value, string expected)
    {
        await using var launch = new ServerLaunch();
        launch.Environment[variable] = value;
        launch.Arguments.AddRange(["--urls", $"http://127.0.0.1:{ServerLaunch.FreePort()}"]);

        var exitCode = await launch.RunToExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Equal([$"BiginBulk cannot start: {expected}"], Lines(launch.Stderr));
        Assert.DoesNotContain("   at ", launch.Stdout + launch.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostgreSql_without_a_connection_string_stops_the_server_with_one_line_saying_what_to_set()
    {
        await using var launch = new ServerLaunch();
        launch.Environment["BiginBulk__Storage__Provider"] = "PostgreSql";
        launch.Arguments.AddRange(["--urls", $"http://127.0.0.1:{ServerLaunch.FreePort()}"]);

        var exitCode = await launch.RunToExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        var line = Assert.Single(Lines(launch.Stderr));
        Assert.StartsWith("BiginBulk cannot start: BiginBulk:Storage:Provider is PostgreSql but ConnectionStrings:BiginBulk is not set.", line, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__BiginBulk=", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", launch.Stdout + launch.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_bad_settings_are_each_reported_on_their_own_line()
    {
        await using var launch = new ServerLaunch();
        launch.Environment["BiginBulk__Limits__ReadPageSize"] = "0";
        launch.Environment["BiginBulk__Limits__MaxColumns"] = "-1";
        launch.Arguments.AddRange(["--urls", $"http://127.0.0.1:{ServerLaunch.FreePort()}"]);

        var exitCode = await launch.RunToExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Equal(
            ["BiginBulk cannot start: BiginBulk:Limits:MaxColumns is -1; it must be at least 1.",
             "BiginBulk cannot start: BiginBulk:Limits:ReadPageSize is 0; it must be at least 1."],
            Lines(launch.Stderr));
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_stops_the_server_with_one_line_naming_the_key()
    {
        await using var launch = new ServerLaunch();
        launch.Environment["BiginBulk__NodeId"] = "seven";
        launch.Arguments.AddRange(["--urls", $"http://127.0.0.1:{ServerLaunch.FreePort()}"]);

        var exitCode = await launch.RunToExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        var line = Assert.Single(Lines(launch.Stderr));
        Assert.StartsWith("BiginBulk cannot start: ", line, StringComparison.Ordinal);
        Assert.Contains("BiginBulk:NodeId", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_tool_checks_the_settings_too()
    {
        await using var launch = new ServerLaunch();
        launch.Environment["BiginBulk__NodeId"] = "2000";
        launch.Arguments.AddRange(["admin", "org", "list"]);

        var exitCode = await launch.RunToExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Equal(["BiginBulk cannot start: BiginBulk:NodeId is 2000; it must be from 0 to 1023."], Lines(launch.Stderr));
        Assert.Equal("", launch.Stdout);
    }

    private static string[] Lines(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal)];
}
