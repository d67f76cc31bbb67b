using System.Net;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Isolation;

/// <summary>
/// Orgs are apart by construction: a token of one org, given another org's ids, gets exactly the answer
/// it would get for ids that never existed. Each check runs in both directions (the owner's own token is
/// the control that proves the id is real), and beside an id that exists nowhere where the answer could differ.
/// </summary>
public sealed class CrossOrgTests(CrossOrgFixture orgs) : IClassFixture<CrossOrgFixture>
{
    private const string Nowhere = "1234567890123456789";

    public static TheoryData<string, bool> WriteDetailRoutes => Cross(["/bigin/bulk/v2/write/", "/crm/bulk/v2/write/", "/crm/bulk/v3/write/", "/crm/bulk/v8/write/"]);

    public static TheoryData<string, bool> ReadDetailRoutes => Cross(["/bigin/bulk/v1/read/", "/bigin/bulk/v2/read/", "/crm/bulk/v2/read/", "/crm/bulk/v8/read/"]);

    public static TheoryData<string, bool> WriteCreateRoutes => Cross(["/bigin/bulk/v2/write", "/crm/bulk/v2/write", "/crm/bulk/v8/write"]);

    public static TheoryData<string, bool> ReadCreateRoutes => Cross(["/bigin/bulk/v1/read", "/bigin/bulk/v2/read", "/crm/bulk/v2/read"]);

    public static TheoryData<string, bool> UploadRoutes => Cross(["/bigin/v2/upload", "/bigin/v1/upload", "/crm/v2/upload", "/crm/v8/upload"]);

    [Theory]
    [MemberData(nameof(WriteDetailRoutes))]
    public async Task Write_job_details_of_another_org_are_not_found(string route, bool reverse)
    {
        var (owner, intruder) = Pick(reverse);
        (await owner.Client.GetAsync(route + owner.WriteJobId)).AssertStatus(HttpStatusCode.OK);

        var response = await intruder.Client.GetAsync(route + owner.WriteJobId);

        AssertSameError(response, await intruder.Client.GetAsync(route + Nowhere), HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Write_result_download_url_of_another_org_is_not_found(bool reverse)
    {
        var (owner, intruder) = Pick(reverse);
        (await owner.Client.GetAsync(owner.WriteDownloadPath)).AssertStatus(HttpStatusCode.OK);
        Assert.Contains($"/v2/bigin/{owner.OrgId}/bulk-write/{owner.WriteJobId}/", owner.WriteDownloadPath, StringComparison.Ordinal);

        var asGiven = await intruder.Client.GetAsync(owner.WriteDownloadPath);
        var ownOrg = await intruder.Client.GetAsync($"/v2/bigin/{intruder.OrgId}/bulk-write/{owner.WriteJobId}/{owner.WriteJobId}.zip");

        var missing = await intruder.Client.GetAsync($"/v2/bigin/{intruder.OrgId}/bulk-write/{Nowhere}/{Nowhere}.zip");
        AssertSameError(asGiven, missing, HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
        AssertSameError(ownOrg, missing, HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Theory]
    [MemberData(nameof(ReadDetailRoutes))]
    public async Task Read_job_details_and_result_of_another_org_are_not_found(string route, bool reverse)
    {
        var (owner, intruder) = Pick(reverse);
        (await owner.Client.GetAsync(route + owner.ReadJobId)).AssertStatus(HttpStatusCode.OK);
        (await owner.Client.GetAsync(route + owner.ReadJobId + "/result")).AssertStatus(HttpStatusCode.OK);

        var details = await intruder.Client.GetAsync(route + owner.ReadJobId);
        var result = await intruder.Client.GetAsync(route + owner.ReadJobId + "/result");

        AssertSameError(details, await intruder.Client.GetAsync(route + Nowhere), HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
        AssertSameError(result, await intruder.Client.GetAsync(route + Nowhere + "/result"), HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Theory]
    [MemberData(nameof(WriteCreateRoutes))]
    public async Task A_write_job_on_another_orgs_file_id_is_an_invalid_file_id(string route, bool reverse)
    {
        var (owner, intruder) = Pick(reverse);

        var response = await intruder.Client.PostJsonAsync(route, WriteJobs.Body(owner.FileId));

        var missing = await intruder.Client.PostJsonAsync(route, WriteJobs.Body(Nowhere));
        var json = AssertSameError(response, missing, HttpStatusCode.BadRequest, "INVALID_FILE_ID");
        Assert.Equal("$.resource[0].file_id", json["details"]!["json_path"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_record_of_another_org_is_no_content(bool reverse)
    {
        var (owner, intruder) = Pick(reverse);
        await owner.Client.GetRecordAsync("Contacts", owner.RecordId);

        var response = await intruder.Client.GetAsync($"/bigin/v2/Contacts/{owner.RecordId}");

        response.AssertStatus(HttpStatusCode.NoContent);
        Assert.Empty(response.Body);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Record_lists_and_exports_hold_only_the_orgs_own_records(bool reverse)
    {
        var (owner, intruder) = Pick(reverse);

        var listed = (await intruder.Client.ListRecordsAsync("Contacts")).Select(r => r["id"]!.GetValue<string>()).ToList();
        var exported = await intruder.Client.RunReadAsync(new JsonObject { ["module"] = "Contacts", ["fields"] = new JsonArray("Last_Name") });

        Assert.Contains(intruder.RecordId, listed);
        Assert.DoesNotContain(owner.RecordId, listed);
        Assert.Contains(intruder.RecordId, exported.Ids);
        Assert.DoesNotContain(owner.RecordId, exported.Ids);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Custom_views_of_another_org_are_not_listed(bool reverse)
    {
        var (owner, intruder) = Pick(reverse);

        var response = await intruder.Client.GetAsync("/bigin/v2/settings/custom_views?module=Contacts");

        response.AssertStatus(HttpStatusCode.OK);
        var ids = response.Json["custom_views"]!.AsArray().Select(v => v!["id"]!.GetValue<string>()).ToList();
        Assert.Contains(intruder.ViewId, ids);
        Assert.DoesNotContain(owner.ViewId, ids);
    }

    [Theory]
    [MemberData(nameof(ReadCreateRoutes))]
    public async Task A_bulk_read_through_another_orgs_custom_view_is_refused_like_a_missing_view(string route, bool reverse)
    {
        var (owner, intruder) = Pick(reverse);

        var response = await intruder.Client.PostJsonAsync(route, $$$"""{"query":{"module":"Contacts","cvid":"{{{owner.ViewId}}}"}}""");

        var missing = await intruder.Client.PostJsonAsync(route, $$$"""{"query":{"module":"Contacts","cvid":"{{{Nowhere}}}"}}""");
        var json = AssertSameError(response, missing, HttpStatusCode.BadRequest, "INVALID_REQUEST");
        Assert.Equal("$.query.cvid", json["details"]!["json_path"]!.GetValue<string>());
        Assert.Equal(
            missing.Json["message"]!.GetValue<string>().Replace(Nowhere, "#", StringComparison.Ordinal),
            json["message"]!.GetValue<string>().Replace(owner.ViewId, "#", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(UploadRoutes))]
    public async Task An_upload_naming_another_org_in_x_crm_org_gets_the_header_error(string route, bool reverse)
    {
        var (owner, intruder) = Pick(reverse);
        var zip = ZipFiles.WithCsv("Last_Name\nSneaky\n");
        (await intruder.Client.UploadAsync(zip, path: route, orgId: intruder.OrgId)).AssertStatus(HttpStatusCode.OK);

        var response = await intruder.Client.UploadAsync(zip, path: route, orgId: owner.OrgId);

        response.AssertStatus(HttpStatusCode.BadRequest);
        Assert.True(JsonNode.DeepEquals(Fixtures.Load("upload-gateway-error.json"), response.Json), response.Text);
    }

    [Fact]
    public async Task Another_orgs_view_in_a_job_created_by_the_owner_still_exports_only_the_owners_records()
    {
        // The owner's own cvid works (the id is real), and its export holds none of the other org's records.
        var run = await orgs.A.Client.RunReadAsync(new JsonObject
        {
            ["module"] = "Contacts",
            ["cvid"] = orgs.A.ViewId,
            ["fields"] = new JsonArray("Last_Name"),
        });

        Assert.Equal([orgs.A.RecordId], run.Ids);
        Assert.DoesNotContain(orgs.B.RecordId, run.Ids);
    }

    private static TheoryData<string, bool> Cross(string[] routes)
    {
        var data = new TheoryData<string, bool>();
        foreach (var route in routes)
        {
            data.Add(route, false);
        }

        data.Add(routes[0], true);
        return data;
    }

    private (OrgData Owner, OrgData Intruder) Pick(bool reverse) => reverse ? (orgs.B, orgs.A) : (orgs.A, orgs.B);

    /// <summary>Asserts <paramref name="actual"/> is the error and matches the answer for an id that exists nowhere, key for key.</summary>
    private static JsonObject AssertSameError(Response actual, Response missing, HttpStatusCode status, string code)
    {
        var json = actual.AssertError(status, code);
        missing.AssertError(status, code);
        Assert.Equal(
            missing.Json["details"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal),
            json["details"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        return json;
    }
}
