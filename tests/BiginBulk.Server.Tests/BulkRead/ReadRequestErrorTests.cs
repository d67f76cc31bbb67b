using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.BulkRead;

/// <summary>Every documented way a create-read-job body can be wrong: the right code, a details naming the culprit, never a 500.</summary>
public sealed class ReadRequestErrorTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Route = "/bigin/bulk/v2/read";

    private BiginClient Client => fixture.Client;

    /// <summary>(query JSON, code, details.api_name, details.json_path).</summary>
    public static TheoryData<string, string, string, string> BadQueries() => new()
    {
        { """{"module":"Leads"}""", "MODULE_NOT_AVAILABLE", "Leads", "$.query.module" },
        { """{"module":{"api_name":"Nope"}}""", "MODULE_NOT_AVAILABLE", "Nope", "$.query.module" },
        { """{"fields":["Last_Name"]}""", "MANDATORY_NOT_FOUND", "module", "$.query.module" },
        { """{"module":"Contacts","fields":["Last_Name","Shoe_Size"]}""", "FIELD_NOT_AVAILABLE", "Shoe_Size", "$.query.fields[1]" },
        { """{"module":"Contacts","fields":["Account_Name.Nope"]}""", "FIELD_NOT_AVAILABLE", "Account_Name.Nope", "$.query.fields[0]" },
        { """{"module":"Contacts","fields":["Owner.shoe"]}""", "FIELD_NOT_AVAILABLE", "Owner.shoe", "$.query.fields[0]" },
        { """{"module":"Contacts","fields":["Last_Name.First_Name"]}""", "FIELD_NOT_AVAILABLE", "Last_Name.First_Name", "$.query.fields[0]" },
        { """{"module":"Contacts","criteria":{"api_name":"Shoe_Size","comparator":"equal","value":"9"}}""", "INVALID_CRITERIA", "Shoe_Size", "$.query.criteria.api_name" },
        { """{"module":"Contacts","criteria":{"field":{"api_name":"Shoe_Size"},"comparator":"equal","value":"9"}}""", "INVALID_CRITERIA", "Shoe_Size", "$.query.criteria.field.api_name" },
        { """{"module":"Products","criteria":{"api_name":"Unit_Price","comparator":"contains","value":"1"}}""", "INVALID_CRITERIA", "Unit_Price", "$.query.criteria.comparator" },
        { """{"module":"Products","criteria":{"api_name":"Unit_Price","comparator":"between","value":[1,2]}}""", "INVALID_CRITERIA", "Unit_Price", "$.query.criteria.comparator" },
        { """{"module":"Products","criteria":{"api_name":"Product_Active","comparator":"not_equal","value":true}}""", "INVALID_CRITERIA", "Product_Active", "$.query.criteria.comparator" },
        { """{"module":"Contacts","criteria":{"api_name":"Account_Name","comparator":"contains","value":"1"}}""", "INVALID_CRITERIA", "Account_Name", "$.query.criteria.comparator" },
        { """{"module":"Contacts","criteria":{"api_name":"Last_Name","comparator":"greater_than","value":"a"}}""", "INVALID_CRITERIA", "Last_Name", "$.query.criteria.comparator" },
        { """{"module":"Contacts","criteria":{"api_name":"Last_Name","comparator":"like","value":"a"}}""", "INVALID_CRITERIA", "Last_Name", "$.query.criteria.comparator" },
        { """{"module":"Products","criteria":{"api_name":"Qty_in_Stock","comparator":"equal","value":"many"}}""", "INVALID_CRITERIA", "Qty_in_Stock", "$.query.criteria.value" },
        { """{"module":"Products","criteria":{"api_name":"Qty_in_Stock","comparator":"equal","value":1.5}}""", "INVALID_CRITERIA", "Qty_in_Stock", "$.query.criteria.value" },
        { """{"module":"Products","criteria":{"api_name":"Product_Active","comparator":"equal","value":"yes"}}""", "INVALID_CRITERIA", "Product_Active", "$.query.criteria.value" },
        { """{"module":"Pipelines","criteria":{"api_name":"Closing_Date","comparator":"equal","value":"31/12/2024"}}""", "INVALID_CRITERIA", "Closing_Date", "$.query.criteria.value" },
        { """{"module":"Contacts","criteria":{"api_name":"Created_Time","comparator":"equal","value":"2024-01-01T10:00:00.123+00:00"}}""", "INVALID_CRITERIA", "Created_Time", "$.query.criteria.value" },
        { """{"module":"Contacts","criteria":{"api_name":"Account_Name","comparator":"equal","value":"Acme"}}""", "INVALID_CRITERIA", "Account_Name", "$.query.criteria.value" },
        { """{"module":"Contacts","criteria":{"api_name":"Pipelines","comparator":"in","value":[]}}""", "INVALID_CRITERIA", "Pipelines", "$.query.criteria.api_name" },
        { """{"module":"Contacts","criteria":{"api_name":"Email","comparator":"in","value":[]}}""", "INVALID_CRITERIA", "Email", "$.query.criteria.value" },
        { """{"module":"Pipelines","criteria":{"api_name":"Closing_Date","comparator":"between","value":["2024-01-01"]}}""", "INVALID_CRITERIA", "Closing_Date", "$.query.criteria.value" },
        { """{"module":"Pipelines","criteria":{"api_name":"Closing_Date","comparator":"between","value":["2024-12-01","2024-01-01"]}}""", "INVALID_CRITERIA", "Closing_Date", "$.query.criteria.value" },
        { """{"module":"Contacts","criteria":{"api_name":"Last_Name","comparator":"contains","value":"${EMPTY}"}}""", "INVALID_CRITERIA", "Last_Name", "$.query.criteria.value" },
        { """{"module":"Contacts","criteria":{"api_name":"Last_Name","comparator":"equal"}}""", "INVALID_CRITERIA", "Last_Name", "$.query.criteria.value" },
        { """{"module":"Contacts","criteria":{"api_name":"Last_Name","comparator":"equal","value":["a"]}}""", "INVALID_CRITERIA", "Last_Name", "$.query.criteria.value" },
        { """{"module":"Contacts","criteria":{"group":[{"api_name":"Last_Name","comparator":"equal","value":"a"}]}}""", "INVALID_CRITERIA", "group_operator", "$.query.criteria.group_operator" },
        { """{"module":"Contacts","criteria":{"group_operator":"xor","group":[{"api_name":"Last_Name","comparator":"equal","value":"a"}]}}""", "INVALID_CRITERIA", "group_operator", "$.query.criteria.group_operator" },
        { """{"module":"Contacts","criteria":{"group_operator":"and","group":[]}}""", "INVALID_CRITERIA", "group", "$.query.criteria.group" },
        { """{"module":"Contacts","criteria":{"group_operator":"and","group":[{"group_operator":"or","group":[{"api_name":"Nope","comparator":"equal","value":"a"}]}]}}""", "INVALID_CRITERIA", "Nope", "$.query.criteria.group[0].group[0].api_name" },
        { """{"module":"Events","fields":["Event_Title"],"file_type":"ics"}""", "INVALID_REQUEST", "fields", "$.query.fields" },
        { """{"module":"Contacts","file_type":"ics"}""", "MODULE_NOT_SUPPORTED", "Contacts", "$.query.file_type" },
        { """{"module":"Contacts","file_type":"pdf"}""", "INVALID_REQUEST", "file_type", "$.query.file_type" },
        { """{"module":"Contacts","cvid":"abc"}""", "INVALID_REQUEST", "cvid", "$.query.cvid" },
        { """{"module":"Contacts","cvid":"12345"}""", "INVALID_REQUEST", "cvid", "$.query.cvid" },
        { """{"module":"Contacts","page":0}""", "INVALID_REQUEST", "page", "$.query.page" },
        { """{"module":"Contacts","page":-3}""", "INVALID_REQUEST", "page", "$.query.page" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task A_bad_query_is_refused_with_its_code_and_culprit(string query, string code, string apiName, string jsonPath)
    {
        var response = await Client.PostJsonAsync(Route, $$"""{"query":{{query}}}""");

        AssertCulprit(response, HttpStatusCode.BadRequest, code, apiName, jsonPath);
    }

    [Theory]
    [InlineData("""{"module":"Contacts","page":"two"}""", "$.query.page")]
    [InlineData("""{"module":"Contacts","page":1.5}""", "$.query.page")]
    [InlineData("""{"module":"Contacts","fields":"Last_Name"}""", "$.query.fields")]
    [InlineData("""{"module":"Contacts","fields":[42]}""", "$.query.fields[0]")]
    [InlineData("""{"module":42}""", "$.query.module")]
    [InlineData("""{"module":"Contacts","criteria":"Last_Name=a"}""", "$.query.criteria")]
    public async Task A_value_of_the_wrong_JSON_type_is_INVALID_REQUEST(string query, string jsonPath)
    {
        var response = await Client.PostJsonAsync(Route, $$"""{"query":{{query}}}""");

        var error = response.AssertError(HttpStatusCode.BadRequest, "INVALID_REQUEST");
        Assert.Equal(jsonPath, error["details"]!["json_path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Twenty_six_conditions_are_CRITERIA_LIMIT_EXCEEDED_with_the_limit()
    {
        var response = await Client.PostJsonAsync(Route, Conditions(26));

        var error = response.AssertError(HttpStatusCode.BadRequest, "CRITERIA_LIMIT_EXCEEDED");
        Assert.Equal(25, error["details"]!["max_limit"]!.GetValue<int>());
    }

    [Fact]
    public async Task Twenty_five_conditions_are_accepted()
    {
        var response = await Client.PostJsonAsync(Route, Conditions(25));

        response.AssertStatus(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_text_value_over_255_characters_is_VALUE_LIMIT_EXCEEDED_IN_CRITERIA()
    {
        var query = new JsonObject
        {
            ["module"] = "Contacts",
            ["criteria"] = new JsonObject { ["api_name"] = "Last_Name", ["comparator"] = "equal", ["value"] = new string('x', 256) },
        };

        var response = await Client.PostJsonAsync(Route, new JsonObject { ["query"] = query });

        var error = AssertCulprit(response, HttpStatusCode.BadRequest, "VALUE_LIMIT_EXCEEDED_IN_CRITERIA", "Last_Name", "$.query.criteria.value");
        Assert.Equal(255, error["details"]!["max_limit"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_cvid_of_another_module_is_CVID_NOT_SUPPORTED()
    {
        var view = await Client.PostJsonAsync("/biginbulk/v1/settings/custom_views?module=Accounts", """{"name":"Other module view"}""");
        view.AssertStatus(HttpStatusCode.Created);
        var cvid = view.Json["custom_views"]![0]!["id"]!.GetValue<string>();

        var response = await Client.PostJsonAsync(Route, $$$"""{"query":{"module":"Contacts","cvid":"{{{cvid}}}"}}""");

        var error = AssertCulprit(response, HttpStatusCode.BadRequest, "CVID_NOT_SUPPORTED", "cvid", "$.query.cvid");
        Assert.Equal("Accounts", error["details"]!["module"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"url":"not a url","method":"post"}""", "INVALID_CALLBACK_URL", "url", "$.callback.url")]
    [InlineData("""{"url":"ftp://example.com/cb","method":"post"}""", "INVALID_CALLBACK_URL", "url", "$.callback.url")]
    [InlineData("""{"url":"http://127.0.0.1/cb","method":"post"}""", "INVALID_CALLBACK_URL", "url", "$.callback.url")]
    [InlineData("""{"url":"https://www.example.com/callback","method":"get"}""", "INVALID_CALLBACK_METHOD", "method", "$.callback.method")]
    public async Task A_bad_callback_is_refused_naming_the_key(string callback, string code, string apiName, string jsonPath)
    {
        var response = await Client.PostJsonAsync(Route, $$$"""{"callback":{{{callback}}},"query":{"module":"Contacts"}}""");

        AssertCulprit(response, HttpStatusCode.BadRequest, code, apiName, jsonPath);
    }

    [Fact]
    public async Task A_body_without_query_is_MANDATORY_NOT_FOUND_query()
    {
        var response = await Client.PostJsonAsync(Route, """{"callback":{"url":"https://www.example.com/callback","method":"post"}}""");

        AssertCulprit(response, HttpStatusCode.BadRequest, "MANDATORY_NOT_FOUND", "query", "$.query");
    }

    [Fact]
    public async Task An_empty_body_is_REQUEST_BODY_IS_EMPTY()
    {
        var response = await Client.SendAsync(HttpMethod.Post, Route, new StringContent("", Encoding.UTF8, "application/json"));

        var error = response.AssertError(HttpStatusCode.BadRequest, "REQUEST_BODY_IS_EMPTY");
        Assert.Equal("$", error["details"]!["json_path"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"query\": {\"module\": \"Contacts\"")]
    [InlineData("query=Contacts")]
    [InlineData("[]")]
    [InlineData("\"Contacts\"")]
    [InlineData("null")]
    public async Task A_body_that_is_not_a_JSON_object_is_INVALID_REQUEST(string body)
    {
        var response = await Client.SendAsync(HttpMethod.Post, Route, new StringContent(body, Encoding.UTF8, "application/json"));

        var error = response.AssertError(HttpStatusCode.BadRequest, "INVALID_REQUEST");
        Assert.Equal("$", error["details"]!["json_path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Errors_on_the_CRM_route_use_the_same_codes()
    {
        var response = await Client.PostJsonAsync("/crm/bulk/v8/read",
            """{"query":{"module":{"api_name":"Contacts"},"criteria":{"field":{"api_name":"Email_Opt_Out"},"comparator":"in","value":[true]}}}""");

        AssertCulprit(response, HttpStatusCode.BadRequest, "INVALID_CRITERIA", "Email_Opt_Out", "$.query.criteria.comparator");
    }

    private static JsonObject AssertCulprit(Response response, HttpStatusCode status, string code, string apiName, string jsonPath)
    {
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.Status);
        var error = response.AssertError(status, code);
        var details = error["details"]!.AsObject();
        Assert.True(apiName == details["api_name"]?.GetValue<string>(), $"details.api_name should be {apiName}: {response.Text}");
        Assert.True(jsonPath == details["json_path"]?.GetValue<string>(), $"details.json_path should be {jsonPath}: {response.Text}");
        return error;
    }

    private static JsonObject Conditions(int count)
    {
        // Spread over nested groups: the limit counts leaves, however they are grouped.
        var inner = new JsonArray();
        var outer = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var leaf = new JsonObject { ["api_name"] = "Last_Name", ["comparator"] = "not_equal", ["value"] = $"x{i}" };
            (i % 2 == 0 ? inner : outer).Add(leaf);
        }

        outer.Add(new JsonObject { ["group_operator"] = "or", ["group"] = inner });
        return new JsonObject
        {
            ["query"] = new JsonObject
            {
                ["module"] = "Contacts",
                ["criteria"] = new JsonObject { ["group_operator"] = "and", ["group"] = outer },
            },
        };
    }
}
