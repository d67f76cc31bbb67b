using System.Net;
using BiginBulk.Client.Tests.Infrastructure;

namespace BiginBulk.Client.Tests.Wire;

/// <summary>Job request bodies compared with the sample bodies of Bigin's API pages.</summary>
public sealed class JobBodyWireTests
{
    private static (BiginClient Client, StubHandler Stub) Create()
    {
        var stub = new StubHandler((request, _) => Task.FromResult(request.Uri.AbsolutePath.EndsWith("/read", StringComparison.Ordinal)
            ? StubHandler.Json(ZohoAnswers.ReadCreated, HttpStatusCode.Created)
            : StubHandler.Json(ZohoAnswers.WriteCreated, HttpStatusCode.Created)));
        return (new BiginClient(BiginCredential.FromAccessToken("1000.t"), new BiginClientOptions { Transport = stub }), stub);
    }

    [Fact]
    public async Task A_bulk_insert_body_matches_the_documented_sample()
    {
        var (client, stub) = Create();
        using (client)
        {
            var operation = await client.StartBulkWriteAsync(new BulkWriteRequest("Contacts", "111111000000541958")
            {
                CallbackUrl = new Uri("http://requestbin.fullcontact.com/1fcimk51"),
                FieldMappings = [new("Phone", 0), new("Email", 1), new("Last_Name", null) { DefaultValue = "DefaultValue" }],
            });
            Assert.Equal("111111000000541958", operation.Id);
        }

        // Bigin "Create Bulk Write Job", sample request body for bulk insert.
        JsonAssert.Equivalent("""
            {"operation":"insert","callback":{"url":"http://requestbin.fullcontact.com/1fcimk51","method":"post"},
             "resource":[{"type":"data","module":{"api_name":"Contacts"},"file_id":"111111000000541958",
               "field_mappings":[{"api_name":"Phone","index":0},{"api_name":"Email","index":1},
                                 {"api_name":"Last_Name","default_value":{"value":"DefaultValue"}}]}]}
            """, Assert.Single(stub.Requests).BodyText);
        Assert.Equal("application/json; charset=utf-8", stub.Requests[0].ContentType);
    }

    [Fact]
    public async Task A_bulk_update_body_matches_the_documented_sample()
    {
        var (client, stub) = Create();
        using (client)
        {
            await client.StartBulkWriteAsync(new BulkWriteRequest("Contacts", "111111000000541958")
            {
                Operation = BulkWriteOperationType.Update,
                FindBy = "Id",
                FieldMappings = [new("Last_Name", 0), new("Id", 1)],
            });
        }

        // The sample for bulk update, without its callback (spelt "callBack" there).
        JsonAssert.Equivalent("""
            {"operation":"update","resource":[{"type":"data","module":{"api_name":"Contacts"},"file_id":"111111000000541958",
              "field_mappings":[{"api_name":"Last_Name","index":0},{"api_name":"Id","index":1}],"find_by":"Id"}]}
            """, Assert.Single(stub.Requests).BodyText);
    }

    [Fact]
    public async Task A_bulk_read_body_with_lookup_fields_and_criteria_matches_the_documented_sample()
    {
        var (client, stub) = Create();
        using (client)
        {
            var operation = await client.StartBulkReadAsync(new BulkReadQuery("Contacts")
            {
                CallbackUrl = new Uri("https://www.example.com/callback"),
                Fields = ["Last_Name", "Owner", "Owner.last_name", "Account_Name.Account_Name", "Account_Name.Phone", "Created_Time"],
                Criteria = Criteria.Or(Criteria.Equal("Owner.last_name", "Boyle"), Criteria.Contains("Account_Name.Phone", "5")),
            });
            Assert.Equal("554023000000568002", operation.Id);
        }

        // Bigin "Create Bulk Read Job", the first sample input.
        JsonAssert.Equivalent("""
            {"callback":{"url":"https://www.example.com/callback","method":"post"},
             "query":{"module":"Contacts","fields":["Last_Name","Owner","Owner.last_name","Account_Name.Account_Name","Account_Name.Phone","Created_Time"],
               "criteria":{"group_operator":"or","group":[{"api_name":"Owner.last_name","comparator":"equal","value":"Boyle"},
                                                          {"api_name":"Account_Name.Phone","comparator":"contains","value":"5"}]},
               "page":1}}
            """, Assert.Single(stub.Requests).BodyText);
    }

    [Fact]
    public async Task An_ics_export_body_matches_the_documented_sample()
    {
        var (client, stub) = Create();
        using (client)
        {
            await client.StartBulkReadAsync(new BulkReadQuery("Events")
            {
                FileType = BulkReadFileType.Ics,
                Criteria = Criteria.Or(
                    Criteria.And(Criteria.Equal("All_day", "false"), Criteria.In("Owner", "554023000000695002", "554023000000691003")),
                    Criteria.Condition("Created_Time", "greater_equal", "2019-10-14T15:30:00+05:30")),
            });
        }

        // The sample to export meetings in the ICS format (plus "page": 1, which the SDK always sends).
        JsonAssert.Equivalent("""
            {"query":{"module":"Events","criteria":{"group":[
                {"group":[{"api_name":"All_day","comparator":"equal","value":"false"},
                          {"api_name":"Owner","comparator":"in","value":["554023000000695002","554023000000691003"]}],"group_operator":"and"},
                {"api_name":"Created_Time","comparator":"greater_equal","value":"2019-10-14T15:30:00+05:30"}],"group_operator":"or"},
              "page":1},
             "file_type":"ics"}
            """, Assert.Single(stub.Requests).BodyText);
    }
}
