using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.CreateJob;

/// <summary>Bodies that are not the JSON create-job expects: each is a precise 400, never a 500.</summary>
public sealed class CreateJobBodyTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private BiginClient Client => fixture.Client;

    [Theory]
    [InlineData("{")]
    [InlineData("{\"operation\": insert}")]
    [InlineData("operation=insert")]
    [InlineData("{\"operation\":\"insert\",}")]
    [InlineData("<xml/>")]
    [InlineData("{} {}")]
    public async Task A_body_that_is_not_JSON_is_INVALID_DATA(string body)
    {
        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, body);

        var json = response.AssertError(HttpStatusCode.BadRequest, "INVALID_DATA");
        Assert.Contains("JSON", json["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_body_is_INVALID_DATA(string body)
    {
        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, body);

        response.AssertError(HttpStatusCode.BadRequest, "INVALID_DATA");
    }

    [Fact]
    public async Task A_request_without_a_body_is_INVALID_DATA()
    {
        var response = await Client.SendAsync(HttpMethod.Post, JobRequests.BiginWrite);

        response.AssertError(HttpStatusCode.BadRequest, "INVALID_DATA");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[{\"operation\":\"insert\"}]")]
    [InlineData("\"insert\"")]
    [InlineData("42")]
    [InlineData("true")]
    [InlineData("null")]
    public async Task A_body_that_is_not_a_JSON_object_is_INVALID_DATA_at_the_root(string body)
    {
        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, body);

        var json = response.AssertError(HttpStatusCode.BadRequest, "INVALID_DATA");
        Assert.Equal("$", json["details"]!["json_path"]?.GetValue<string>());
    }

    public static TheoryData<string, JsonNode?, string> WrongTypes => new()
    {
        { "$.operation", 5, "$.operation" },
        { "$.operation", new JsonArray("insert"), "$.operation" },
        { "$.resource", new JsonObject(), "$.resource" },
        { "$.resource", "Contacts", "$.resource" },
        { "$.resource[0]", 5, "$.resource[0]" },
        { "$.ignore_empty", "maybe", "$.ignore_empty" },
        { "$.ignore_empty", 1, "$.ignore_empty" },
        { "$.callback", "http://hooks.example/", "$.callback" },
        { "$.callback.url", 5, "$.callback.url" },
        { "$.character_encoding", 8, "$.character_encoding" },
        { "$.resource[0].type", true, "$.resource[0].type" },
        { "$.resource[0].module", 5, "$.resource[0].module" },
        { "$.resource[0].module", new JsonArray("Contacts"), "$.resource[0].module" },
        { "$.resource[0].module.api_name", 5, "$.resource[0].module.api_name" },
        { "$.resource[0].file_id", true, "$.resource[0].file_id" },
        { "$.resource[0].file_id", new JsonObject(), "$.resource[0].file_id" },
        { "$.resource[0].ignore_empty", "maybe", "$.resource[0].ignore_empty" },
        { "$.resource[0].find_by", 5, "$.resource[0].find_by" },
        { "$.resource[0].field_mappings", "Last_Name", "$.resource[0].field_mappings" },
        { "$.resource[0].field_mappings", new JsonObject(), "$.resource[0].field_mappings" },
        { "$.resource[0].field_mappings[0]", "Last_Name", "$.resource[0].field_mappings[0]" },
        { "$.resource[0].field_mappings[0].api_name", 5, "$.resource[0].field_mappings[0].api_name" },
        { "$.resource[0].field_mappings[0].index", "abc", "$.resource[0].field_mappings[0].index" },
        { "$.resource[0].field_mappings[0].index", 1.5, "$.resource[0].field_mappings[0].index" },
        { "$.resource[0].field_mappings[0].index", 3_000_000_000L, "$.resource[0].field_mappings[0].index" },
        { "$.resource[0].field_mappings[0].index", new JsonObject(), "$.resource[0].field_mappings[0].index" },
        { "$.resource[0].field_mappings[0].format", 5, "$.resource[0].field_mappings[0].format" },
        { "$.resource[0].field_mappings[0].default_value", new JsonArray(), "$.resource[0].field_mappings[0].default_value" },
        { "$.resource[0].field_mappings[0].default_value.value", new JsonObject(), "$.resource[0].field_mappings[0].default_value.value" },
    };

    [Theory]
    [MemberData(nameof(WrongTypes))]
    public async Task A_key_of_the_wrong_JSON_type_is_INVALID_DATA_at_its_path(string target, JsonNode? value, string expectedPath)
    {
        var fileId = await Client.UploadCsvAsync("Last_Name,Email\nTypes,types@example.com\n");
        var body = JobRequests.Insert(fileId, [JobRequests.Mapping("Last_Name", 0)]);
        Set(body, target, value?.DeepClone());

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, body);

        JobRequests.AssertCulprit(response, "INVALID_DATA", expectedPath);
    }

    [Fact]
    public async Task A_body_nested_too_deep_is_INVALID_DATA()
    {
        var body = new StringBuilder("{\"operation\":\"insert\",\"x\":");
        body.Append('[', 500).Append(']', 500).Append('}');

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, body.ToString());

        response.AssertError(HttpStatusCode.BadRequest, "INVALID_DATA");
    }

    [Fact]
    public async Task A_body_larger_than_the_JSON_limit_is_INVALID_DATA()
    {
        var body = $"{{\"operation\":\"insert\",\"padding\":\"{new string('x', 2 * 1024 * 1024)}\"}}";

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, body);

        response.AssertError(HttpStatusCode.BadRequest, "INVALID_DATA");
    }

    [Fact]
    public async Task A_body_with_a_key_given_twice_is_a_400_not_a_500()
    {
        var fileId = await Client.UploadCsvAsync("Last_Name\nTwice\n");
        var body = $$"""{"operation":"insert","operation":"update","resource":[{"type":"data","module":"Contacts","file_id":"{{fileId}}"}]}""";

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, body);

        JobRequests.AssertCulprit(response, "INVALID_DATA", "$.operation");
    }

    [Fact]
    public async Task A_key_given_twice_deep_in_a_mapping_is_a_400_not_a_500()
    {
        var fileId = await Client.UploadCsvAsync("Last_Name\nTwice\n");
        var body = $$"""{"operation":"insert","resource":[{"type":"data","module":"Contacts","file_id":"{{fileId}}","field_mappings":[{"api_name":"Last_Name","index":0,"index":0}]}]}""";

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, body);

        JobRequests.AssertCulprit(response, "INVALID_DATA", "$.resource[0].field_mappings[0].index");
    }

    [Fact]
    public async Task Callback_and_callBack_together_are_ambiguous_and_a_400()
    {
        var fileId = await Client.UploadCsvAsync("Last_Name\nTwice\n");
        var body = JobRequests.Insert(fileId);
        body["callback"] = new JsonObject { ["url"] = "https://hooks.example/a" };
        body["callBack"] = new JsonObject { ["url"] = "http://127.0.0.1/" };

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, body);

        JobRequests.AssertCulprit(response, "INVALID_DATA", "$.callBack");
    }

    [Theory]
    [InlineData("{\"operation\":\"insert\",\"x\":\"", "\"}")]
    [InlineData("{\"operation\":\"ins", "\",\"resource\":[]}")]
    public async Task A_body_that_is_not_UTF8_is_INVALID_DATA(string before, string after)
    {
        byte[] body = [.. Encoding.UTF8.GetBytes(before), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes(after)];

        var response = await Client.SendAsync(HttpMethod.Post, JobRequests.BiginWrite, RawRequests.JsonBytes(body));

        response.AssertError(HttpStatusCode.BadRequest, "INVALID_DATA");
    }

    [Fact]
    public async Task Booleans_and_numbers_given_as_strings_are_accepted()
    {
        // Zoho's samples are loose about JSON types; "true" and "0" are what form-minded clients send.
        var fileId = await Client.UploadCsvAsync("Last_Name\nStrings\n");
        var body = JobRequests.Insert(fileId, [new JsonObject { ["api_name"] = "Last_Name", ["index"] = "0" }]);
        body["ignore_empty"] = "true";

        var response = await Client.PostJsonAsync(JobRequests.BiginWrite, body);

        JobRequests.AssertCreated(response, fixture.Server);
    }

    /// <summary>Sets the value at a simple JSON path of the body (dots and [index]), creating objects on the way.</summary>
    private static void Set(JsonObject body, string path, JsonNode? value)
    {
        var parts = path[2..].Replace("[", ".[", StringComparison.Ordinal).Split('.');
        JsonNode current = body;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var last = i == parts.Length - 1;
            if (part.StartsWith('['))
            {
                var index = int.Parse(part[1..^1], System.Globalization.CultureInfo.InvariantCulture);
                if (last)
                {
                    current.AsArray()[index] = value;
                    return;
                }

                current = current.AsArray()[index]!;
            }
            else
            {
                if (last)
                {
                    current.AsObject()[part] = value;
                    return;
                }

                current = current.AsObject()[part] is JsonObject or JsonArray ? current[part]! : (current.AsObject()[part] = new JsonObject());
            }
        }
    }
}
