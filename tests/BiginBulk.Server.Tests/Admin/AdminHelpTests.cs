using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Admin;

/// <summary>The admin tool's help shows the command as it must be typed: with the <c>admin</c> word.</summary>
public sealed class AdminHelpTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData(new[] { "--help" }, "BiginBulk.Server admin [command] [options]")]
    [InlineData(new[] { "org", "--help" }, "BiginBulk.Server admin org [command] [options]")]
    [InlineData(new[] { "org", "create", "--help" }, "BiginBulk.Server admin org create [options]")]
    public async Task Help_usage_lines_include_the_admin_word(string[] args, string usage)
    {
        var result = await AdminTool.RunAsync(fixture.Server, args);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(usage, result.Stdout, StringComparison.Ordinal);
    }
}
