using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Startup;

/// <summary>
/// Every start logs the store in use (never a password), the data directory, the node id and where the
/// bootstrap credentials are.
/// </summary>
public sealed class StartupLogTests
{
    [Fact]
    public async Task A_start_logs_the_store_the_data_directory_the_node_id_and_the_bootstrap_file_every_time()
    {
        await using var launch = new ServerLaunch();
        await launch.UseTestStore();
        launch.Environment["BiginBulk__NodeId"] = "17";
        launch.Environment["Logging__LogLevel__Default"] = "Information";
        launch.Environment["Logging__Console__ColorBehavior"] = "Disabled";
        var address = new Uri($"http://127.0.0.1:{ServerLaunch.FreePort()}/");
        launch.Arguments.AddRange(["--urls", address.ToString().TrimEnd('/')]);

        await launch.StartAsync(address);
        var first = launch.Stdout;
        await launch.DisposeProcessAsync();
        await launch.StartAsync(address);
        var second = launch.Stdout[first.Length..];

        var bootstrap = Path.Combine(launch.DataDirectory, "bootstrap.json");
        foreach (var output in new[] { first, second })
        {
            if (TestStore.IsPostgres)
            {
                var connection = new Npgsql.NpgsqlConnectionStringBuilder(launch.Environment["ConnectionStrings__BiginBulk"]);
                Assert.Contains($"Store: PostgreSQL, host {connection.Host}:{connection.Port}, database {connection.Database}, user {connection.Username}", output, StringComparison.Ordinal);
                if (!string.IsNullOrEmpty(connection.Password))
                {
                    Assert.DoesNotContain(connection.Password, output, StringComparison.Ordinal);
                }
            }
            else
            {
                Assert.Contains($"Store: SQLite, files in {launch.DataDirectory}", output, StringComparison.Ordinal);
            }

            Assert.Contains($"Data directory: {launch.DataDirectory}; node id 17", output, StringComparison.Ordinal);
            Assert.Contains($"ootstrap credentials are in {bootstrap}", output, StringComparison.Ordinal);
        }
    }
}
