using System.Text.Json.Nodes;
using BiginBulk.Core.BulkRead;
using static BiginBulk.Core.Tests.BulkRead.ReadRequests;

namespace BiginBulk.Core.Tests.BulkRead;

public sealed class BulkReadRequestParserTests
{
    [Fact]
    public async Task The_crm_module_object_and_field_leaf_are_accepted()
    {
        var job = await ParseAsync("""
            {"query":{"module":{"api_name":"Contacts"},"fields":["Last_Name"],
                      "criteria":{"field":{"api_name":"Last_Name"},"comparator":"equal","value":"Patricia"}}}
            """);
        Assert.Equal("Contacts", job.ModuleApiName);
        Assert.Equal("""{"api_name":"Last_Name","comparator":"equal","value":"Patricia"}""", job.CriteriaJson?.ToJsonString());
    }

    [Fact]
    public async Task A_module_alias_is_echoed_as_the_client_named_it()
    {
        var job = await ParseAsync("""{"query":{"module":"deals"}}""");
        Assert.Equal("Deals", job.ModuleName);
        Assert.Equal("Pipelines", job.ModuleApiName);
    }

    [Fact]
    public async Task Defaults_are_page_1_csv_all_fields_and_no_criteria()
    {
        var job = await ParseAsync("""{"query":{"module":"Contacts"}}""");
        Assert.Equal(1, job.Page);
        Assert.Equal(BulkReadFileType.Csv, job.FileType);
        Assert.Empty(job.Fields);
        Assert.Null(job.CriteriaJson);
        Assert.Null(job.CustomViewId);
        Assert.Null(job.Callback);
    }

    [Theory]
    [InlineData("""{"query":{"module":"Contacts","cvid":554023000000087501}}""")]
    [InlineData("""{"query":{"module":"Contacts","cvid":"554023000000087501"}}""")]
    public async Task A_cvid_may_be_a_string_or_a_number(string json) =>
        Assert.Equal(ContactsView, (await ParseAsync(json)).CustomViewId);

    [Theory]
    [InlineData("""{"query":{"module":"Contacts","page":3}}""", 3)]
    [InlineData("""{"query":{"module":"Contacts","page":"2"}}""", 2)]
    public async Task Page_is_a_positive_integer(string json, int page) =>
        Assert.Equal(page, (await ParseAsync(json)).Page);

    [Theory]
    [InlineData("""{"query":{"module":"Events","file_type":"ics"}}""")]
    [InlineData("""{"query":{"module":"Events"},"file_type":"ICS"}""")]
    [InlineData("""{"query":{"module":"Events","file_type":"ics","fields":[]},"file_type":"ics"}""")]
    public async Task File_type_is_read_at_the_top_or_inside_query(string json) =>
        Assert.Equal(BulkReadFileType.Ics, (await ParseAsync(json)).FileType);

    [Fact]
    public async Task Page_token_is_accepted_and_ignored() =>
        Assert.Equal(1, (await ParseAsync("""{"query":{"module":"Contacts","page_token":"bca6fba1"}}""")).Page);

    [Fact]
    public async Task Fields_are_canonicalised_and_repeated_ones_kept_once() =>
        Assert.Equal(["Last_Name", "Owner.last_name", "Email"],
            (await ParseAsync("""{"query":{"module":"Contacts","fields":["last_name","Owner.LAST_NAME","Last_Name","Email","owner.last_name"]}}""")).Fields);

    [Fact]
    public async Task A_callback_without_url_means_no_callback() =>
        Assert.Null((await ParseAsync("""{"callback":{"method":"post"},"query":{"module":"Contacts"}}""")).Callback);

    [Fact]
    public async Task The_callback_key_is_matched_case_insensitively() =>
        Assert.Equal("https://hooks.example.com/x", (await ParseAsync("""{"callBack":{"url":"https://hooks.example.com/x","method":"POST"},"query":{"module":"Contacts"}}""")).Callback?.Url);

    [Fact]
    public async Task A_missing_body_is_request_body_is_empty()
    {
        var error = (await Assert.ThrowsAsync<Errors.ZohoErrorException>(() =>
            BulkReadRequestParser.ParseAsync(null, Context(), TestContext.Current.CancellationToken))).Error;
        Assert.Equal("REQUEST_BODY_IS_EMPTY", error.Code);
        Assert.Equal(400, error.HttpStatus);
    }

    [Theory]
    [InlineData("""[]""", "$")]
    [InlineData("""{"query":"Contacts"}""", "$.query")]
    [InlineData("""{"query":{"module":5}}""", "$.query.module")]
    [InlineData("""{"query":{"module":{"api_name":5}}}""", "$.query.module.api_name")]
    [InlineData("""{"query":{"module":"Contacts","fields":"Last_Name"}}""", "$.query.fields")]
    [InlineData("""{"query":{"module":"Contacts","fields":["Last_Name",5]}}""", "$.query.fields[1]")]
    [InlineData("""{"query":{"module":"Contacts","criteria":"Last_Name"}}""", "$.query.criteria")]
    [InlineData("""{"query":{"module":"Contacts","cvid":true}}""", "$.query.cvid")]
    [InlineData("""{"query":{"module":"Contacts","file_type":1}}""", "$.query.file_type")]
    [InlineData("""{"query":{"module":"Contacts"},"callback":"https://x.example.com"}""", "$.callback")]
    [InlineData("""{"query":{"module":"Contacts"},"callback":{"url":5}}""", "$.callback.url")]
    public async Task Wrong_json_types_are_invalid_request_at_their_path(string json, string path)
    {
        var error = await RefusedAsync(json);
        Assert.Equal("INVALID_REQUEST", error.Code);
        Assert.Equal(path, error.Detail("json_path"));
    }

    [Theory]
    [InlineData("""{"query":{"module":"Contacts","page":0}}""")]
    [InlineData("""{"query":{"module":"Contacts","page":-1}}""")]
    [InlineData("""{"query":{"module":"Contacts","page":1.5}}""")]
    [InlineData("""{"query":{"module":"Contacts","page":"first"}}""")]
    [InlineData("""{"query":{"module":"Contacts","page":3000000000}}""")]
    public async Task A_page_that_is_not_a_positive_integer_is_invalid_request(string json)
    {
        var error = await RefusedAsync(json);
        Assert.Equal("INVALID_REQUEST", error.Code);
        Assert.Equal("$.query.page", error.Detail("json_path"));
    }

    [Theory]
    [InlineData("""{}""", "query", "$.query")]
    [InlineData("""{"callback":{"url":"https://www.example.com/callback"}}""", "query", "$.query")]
    [InlineData("""{"query":{"fields":["Last_Name"]}}""", "module", "$.query.module")]
    [InlineData("""{"query":{"module":{"id":"5725767000000002179"}}}""", "api_name", "$.query.module.api_name")]
    public async Task A_missing_query_or_module_is_mandatory_not_found(string json, string key, string path)
    {
        var error = await RefusedAsync(json);
        Assert.Equal("MANDATORY_NOT_FOUND", error.Code);
        Assert.Equal(key, error.Detail("api_name"));
        Assert.Equal(path, error.Detail("json_path"));
    }

    [Theory]
    [InlineData("""{"query":{"module":"Leads"}}""", "Leads")]
    [InlineData("""{"query":{"module":{"api_name":"Notes"}}}""", "Notes")]
    [InlineData("""{"query":{"module":""}}""", "")]
    public async Task An_unknown_module_is_module_not_available(string json, string name)
    {
        var error = await RefusedAsync(json);
        Assert.Equal("MODULE_NOT_AVAILABLE", error.Code);
        Assert.Equal(name, error.Detail("api_name"));
        Assert.Equal("$.query.module", error.Detail("json_path"));
    }

    [Theory]
    [InlineData("Nickname")]
    [InlineData("Owner.nickname")]
    [InlineData("Account_Name.Nickname")]
    [InlineData("Last_Name.Phone")]
    public async Task An_unknown_field_is_field_not_available(string field)
    {
        var error = await RefusedAsync($$$"""{"query":{"module":"Contacts","fields":["Last_Name","{{{field}}}"]}}""");
        Assert.Equal("FIELD_NOT_AVAILABLE", error.Code);
        Assert.Equal(field, error.Detail("api_name"));
        Assert.Equal("$.query.fields[1]", error.Detail("json_path"));
    }

    [Fact]
    public async Task Fields_with_an_ics_export_are_invalid_request()
    {
        var error = await RefusedAsync("""{"query":{"module":"Events","fields":["Event_Title"]},"file_type":"ics"}""");
        Assert.Equal("INVALID_REQUEST", error.Code);
        Assert.Equal("fields", error.Detail("api_name"));
        Assert.Equal("$.query.fields", error.Detail("json_path"));
    }

    [Theory]
    [InlineData("""{"query":{"module":"Contacts"},"file_type":"ics"}""", "$.file_type")]
    [InlineData("""{"query":{"module":"Calls","file_type":"ics"}}""", "$.query.file_type")]
    public async Task Ics_for_a_module_other_than_events_is_module_not_supported(string json, string path)
    {
        var error = await RefusedAsync(json);
        Assert.Equal("MODULE_NOT_SUPPORTED", error.Code);
        Assert.Equal(path, error.Detail("json_path"));
        Assert.Equal(["Events"], error.Details["supported"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Theory]
    [InlineData("""{"query":{"module":"Contacts"},"file_type":"xlsx"}""", "$.file_type")]
    [InlineData("""{"query":{"module":"Events","file_type":"csv"},"file_type":"ics"}""", "$.query.file_type")]
    public async Task An_unknown_or_contradictory_file_type_is_invalid_request(string json, string path)
    {
        var error = await RefusedAsync(json);
        Assert.Equal("INVALID_REQUEST", error.Code);
        Assert.Equal(path, error.Detail("json_path"));
        Assert.Equal("file_type", error.Detail("api_name"));
    }

    [Theory]
    [InlineData("\"all\"")]
    [InlineData("\"-5\"")]
    [InlineData("\"0\"")]
    [InlineData("1.5")]
    [InlineData("\"99999999999999999999\"")]
    public async Task A_cvid_that_is_not_an_id_is_invalid_request(string cvid)
    {
        var error = await RefusedAsync($$$"""{"query":{"module":"Contacts","cvid":{{{cvid}}}}}""");
        Assert.Equal("INVALID_REQUEST", error.Code);
        Assert.Equal("cvid", error.Detail("api_name"));
        Assert.Equal("$.query.cvid", error.Detail("json_path"));
    }

    [Fact]
    public async Task An_unknown_cvid_is_invalid_request()
    {
        var error = await RefusedAsync("""{"query":{"module":"Contacts","cvid":"554023000000000001"}}""");
        Assert.Equal("INVALID_REQUEST", error.Code);
        Assert.Equal("$.query.cvid", error.Detail("json_path"));
    }

    [Fact]
    public async Task A_cvid_of_another_module_is_cvid_not_supported()
    {
        var error = await RefusedAsync("""{"query":{"module":"Contacts","cvid":"554023000000093005"}}""");
        Assert.Equal("CVID_NOT_SUPPORTED", error.Code);
        Assert.Equal("Accounts", error.Detail("module"));
        Assert.Equal("$.query.cvid", error.Detail("json_path"));
    }

    [Theory]
    [InlineData("ftp://www.example.com/callback", "the url must be an absolute http or https URL")]
    [InlineData("/callback", "the url must be an absolute http or https URL")]
    [InlineData("", "the url must be an absolute http or https URL")]
    [InlineData("http://127.0.0.1:8080/callback", "loopback addresses are not allowed")]
    public async Task A_bad_callback_url_is_invalid_callback_url_with_the_reason(string url, string reason)
    {
        var error = await RefusedAsync($$$"""{"callback":{"url":"{{{url}}}","method":"post"},"query":{"module":"Contacts"}}""");
        Assert.Equal("INVALID_CALLBACK_URL", error.Code);
        Assert.Equal(reason, error.Detail("reason"));
        Assert.Equal("$.callback.url", error.Detail("json_path"));
    }

    [Theory]
    [InlineData("get")]
    [InlineData("PUT")]
    public async Task A_callback_method_other_than_post_is_invalid_callback_method(string method)
    {
        var error = await RefusedAsync($$$"""{"callback":{"url":"https://www.example.com/callback","method":"{{{method}}}"},"query":{"module":"Contacts"}}""");
        Assert.Equal("INVALID_CALLBACK_METHOD", error.Code);
        Assert.Equal("$.callback.method", error.Detail("json_path"));
        Assert.Equal(["post"], error.Details["supported_callback_methods"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task Criteria_errors_carry_paths_inside_the_query()
    {
        var error = await RefusedAsync("""{"query":{"module":"Contacts","criteria":{"group_operator":"and","group":[{"api_name":"Last_Name","comparator":"equal","value":"x"},{"api_name":"Created_Time","comparator":"equal","value":"yesterday"}]}}}""");
        Assert.Equal("INVALID_CRITERIA", error.Code);
        Assert.Equal("Created_Time", error.Detail("api_name"));
        Assert.Equal("datetime", error.Detail("expected_data_type"));
        Assert.Equal("$.query.criteria.group[1].value", error.Detail("json_path"));
    }

    [Fact]
    public async Task The_criteria_limit_comes_from_the_context()
    {
        var json = """{"query":{"module":"Contacts","criteria":{"group_operator":"or","group":[{"api_name":"Last_Name","comparator":"equal","value":"a"},{"api_name":"Last_Name","comparator":"equal","value":"b"}]}}}""";
        Assert.NotNull((await ParseAsync(json, Context(maxCriteria: 2))).CriteriaJson);
        var error = await RefusedAsync(json, Context(maxCriteria: 1));
        Assert.Equal("CRITERIA_LIMIT_EXCEEDED", error.Code);
        Assert.Equal("1", error.Detail("max_limit"));
    }

    [Fact]
    public async Task Only_codes_that_sdk8_bulk_read_knows_are_used()
    {
        string[] known =
        [
            "INVALID_REQUEST", "REQUEST_BODY_IS_EMPTY", "MANDATORY_NOT_FOUND", "MODULE_NOT_AVAILABLE", "MODULE_NOT_SUPPORTED",
            "FIELD_NOT_AVAILABLE", "FIELD_NOT_SUPPORTED", "INVALID_CRITERIA", "AMBIGUOUS_CRITERIA", "CRITERIA_LIMIT_EXCEEDED",
            "VALUE_LIMIT_EXCEEDED_IN_CRITERIA", "PAGE_RANGE_EXCEEDED", "PAGE_NOT_SUPPORTED", "CVID_NOT_SUPPORTED",
            "INVALID_CALLBACK_URL", "INVALID_CALLBACK_METHOD", "BAD_REQUEST",
        ];
        var codes = typeof(BulkReadErrorCodes).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.Contains(code, known));

        // And the shared JSON helpers, used with bulk read's code, don't leak bulk write's INVALID_DATA.
        var error = await RefusedAsync("""{"query":{"module":"Contacts","page":true}}""");
        Assert.Equal("INVALID_REQUEST", error.Code);
        Assert.StartsWith("invalid request:", error.Message, StringComparison.Ordinal);
        Assert.Equal("INVALID_DATA", Json.JsonReading.WrongType("$.x", "a string").Error.Code);
        _ = JsonNode.Parse("{}");
    }
}
