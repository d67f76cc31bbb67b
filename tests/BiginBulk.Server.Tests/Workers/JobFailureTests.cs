using BiginBulk.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BiginBulk.Server.Tests.Workers;

/// <summary>
/// A job whose run fails for a reason that would fail every run (here the org's database refuses every new
/// contact) is failed at once with that reason, instead of being tried again and holding up the jobs behind it.
/// </summary>
public sealed class JobFailureTests : IAsyncLifetime
{
    private const string Refusal = "contacts are refused by the test";

    private ServerProcess _server = null!;
    private BiginClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await ServerProcess.StartAsync();
        _client = new BiginClient(_server);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_database_error_that_is_not_transient_fails_the_job_on_its_first_run_with_the_reason()
    {
        // A first job creates the org's contacts table; then every insert into it is refused.
        await _client.RunWriteAsync("Last_Name\nFirst\n");
        await RefuseContactInsertsAsync();

        var fileId = await _client.UploadCsvAsync("Last_Name\nSecond\n");
        var jobId = await _client.CreateWriteJobAsync(WriteJobs.Body(fileId));
        var job = await _client.WaitForWriteJobAsync(jobId);

        Assert.Equal("FAILED", job["status"]!.GetValue<string>());
        await WaitForOutputAsync($"Bulk write job {jobId} failed: The job could not be processed: ");
        var output = _server.Output;
        Assert.Contains($"Job {jobId} failed (attempt 1) and is marked failed", output, StringComparison.Ordinal);
        Assert.DoesNotContain($"Job {jobId} failed transiently", output, StringComparison.Ordinal);
        var reason = output[output.IndexOf($"Bulk write job {jobId} failed: ", StringComparison.Ordinal)..].Split('\n')[0];
        Assert.Contains(Refusal, reason, StringComparison.Ordinal);
    }

    /// <summary>A trigger that refuses every new contact, installed behind the running server's back.</summary>
    private async Task RefuseContactInsertsAsync()
    {
        var orgId = _server.Credentials.OrgId;
        if (_server.PostgresConnectionString is { } postgres)
        {
            await using var pg = new NpgsqlConnection(postgres);
            await pg.OpenAsync();
            await using var command = new NpgsqlCommand(
                $"""
                CREATE FUNCTION org_{orgId}.refuse_contact() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{Refusal}'; END $$;
                CREATE TRIGGER refuse_contact BEFORE INSERT ON org_{orgId}."rec_Contacts" FOR EACH ROW EXECUTE FUNCTION org_{orgId}.refuse_contact();
                """, pg);
            await command.ExecuteNonQueryAsync();
            return;
        }

        var path = Path.Combine(_server.DataDirectory, "data", "orgs", $"{orgId}.db");
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var trigger = connection.CreateCommand();
        trigger.CommandText = $"CREATE TRIGGER refuse_contact BEFORE INSERT ON \"rec_Contacts\" BEGIN SELECT RAISE(ABORT, '{Refusal}'); END;";
        await trigger.ExecuteNonQueryAsync();
    }

    /// <summary>The server logs asynchronously: waits (at most 30 s) for a line the job's end writes.</summary>
    private async Task WaitForOutputAsync(string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!_server.Output.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The server did not log \"{text}\":\n{_server.Output}");
            await Task.Delay(100);
        }
    }
}
