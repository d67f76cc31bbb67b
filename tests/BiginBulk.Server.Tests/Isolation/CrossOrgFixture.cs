using System.Net;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Isolation;

/// <summary>
/// One server with two orgs, each holding a file, a finished write job, a finished read job, imported
/// records and a custom view of its own. Org A is the bootstrap org; org B is made with the admin tool.
/// </summary>
public sealed class CrossOrgFixture : IAsyncLifetime
{
    public ServerProcess Server { get; private set; } = null!;

    public OrgData A { get; private set; } = null!;

    public OrgData B { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Server = await ServerProcess.StartAsync();
        var a = new BiginClient(Server);
        var org = await AdminTool.CreateOrgAsync(Server, "OrgB");
        var b = new BiginClient(Server, org.AccessToken);
        A = await OrgData.CreateAsync(a, Server.Credentials.OrgId, "Alpha");
        B = await OrgData.CreateAsync(b, org.OrgId, "Bravo");
    }

    public async ValueTask DisposeAsync()
    {
        A?.Client.Dispose();
        B?.Client.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}

/// <summary>What one org made: ids of each kind of thing a route can be asked about.</summary>
public sealed record OrgData(
    BiginClient Client,
    string OrgId,
    string FileId,
    string WriteJobId,
    string WriteDownloadPath,
    string ReadJobId,
    string RecordId,
    string ViewId)
{
    public static async Task<OrgData> CreateAsync(BiginClient client, string orgId, string name)
    {
        var upload = await client.UploadAsync(ZipFiles.WithCsv($"Last_Name,Email\n{name},{name.ToLowerInvariant()}@{name.ToLowerInvariant()}.test\n"), orgId: orgId);
        upload.AssertStatus(HttpStatusCode.OK);
        var fileId = upload.Json["details"]!["file_id"]!.GetValue<string>();

        var writeJobId = await client.CreateWriteJobAsync(WriteJobs.Body(fileId));
        var job = await client.WaitForWriteJobAsync(writeJobId);
        Assert.Equal("COMPLETED", job["status"]!.GetValue<string>());
        var downloadPath = new Uri(job["result"]!["download_url"]!.GetValue<string>()).AbsolutePath;
        var (_, result) = await client.DownloadWriteResultAsync(job);
        var recordId = ResultFile.Parse(result).Cell(0, "RECORD_ID");
        Assert.NotEqual("", recordId);

        var view = await client.PostJsonAsync("/biginbulk/v1/settings/custom_views?module=Contacts",
            $$$"""{"name":"{{{name}}} view","criteria":{"api_name":"Last_Name","comparator":"equal","value":"{{{name}}}"}}""");
        view.AssertStatus(HttpStatusCode.Created);
        var viewId = view.Json["custom_views"]![0]!["id"]!.GetValue<string>();

        var read = await client.RunReadAsync(new JsonObject { ["module"] = "Contacts", ["fields"] = new JsonArray("Last_Name") });
        Assert.Contains(recordId, read.Ids);

        return new OrgData(client, orgId, fileId, writeJobId, downloadPath, read.JobId, recordId, viewId);
    }
}
