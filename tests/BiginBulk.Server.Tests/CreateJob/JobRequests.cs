using System.Net;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.CreateJob;

/// <summary>Create-job bodies and the checks every create-job test makes.</summary>
internal static class JobRequests
{
    public const string BiginWrite = "/bigin/bulk/v2/write";

    public static JsonObject Resource(string fileId, JsonNode? module = null, JsonArray? mappings = null, string? findBy = null)
    {
        var resource = new JsonObject { ["type"] = "data", ["module"] = module ?? "Contacts", ["file_id"] = fileId };
        if (mappings is not null)
        {
            resource["field_mappings"] = mappings;
        }

        if (findBy is not null)
        {
            resource["find_by"] = findBy;
        }

        return resource;
    }

    public static JsonObject Body(string operation, JsonObject resource) => new()
    {
        ["operation"] = operation,
        ["resource"] = new JsonArray(resource),
    };

    public static JsonObject Insert(string fileId, JsonArray? mappings = null) => Body("insert", Resource(fileId, mappings: mappings));

    public static JsonObject Mapping(string apiName, int? index = null, string? format = null, string? defaultValue = null)
    {
        var mapping = new JsonObject { ["api_name"] = apiName };
        if (index is not null)
        {
            mapping["index"] = index;
        }

        if (format is not null)
        {
            mapping["format"] = format;
        }

        if (defaultValue is not null)
        {
            mapping["default_value"] = new JsonObject { ["value"] = defaultValue };
        }

        return mapping;
    }

    /// <summary>Asserts the exact 201 body of the docs and returns the job id.</summary>
    public static string AssertCreated(Response response, ServerProcess server)
    {
        response.AssertStatus(HttpStatusCode.Created);
        Assert.Equal("application/json", response.ContentType);
        var json = response.Json.AsObject();
        Assert.Equal(["code", "details", "message", "status"], Keys(json));
        Assert.Equal("success", json["status"]!.GetValue<string>());
        Assert.Equal("SUCCESS", json["code"]!.GetValue<string>());
        Assert.Equal("success", json["message"]!.GetValue<string>());
        var details = json["details"]!.AsObject();
        Assert.Equal(["created_by", "id"], Keys(details));
        var createdBy = details["created_by"]!.AsObject();
        Assert.Equal(["id", "name"], Keys(createdBy));
        Assert.Equal(server.Credentials.UserId, Upload.UploadAssertions.AssertIdString(createdBy["id"]));
        Assert.Equal("string", JsonShape.Kind(createdBy["name"]));
        Assert.False(string.IsNullOrWhiteSpace(createdBy["name"]!.GetValue<string>()));
        return Upload.UploadAssertions.AssertIdString(details["id"]);
    }

    /// <summary>Asserts a 400 error whose details name the culprit: its <c>json_path</c> and, when given, its <c>api_name</c>.</summary>
    public static JsonObject AssertCulprit(Response response, string code, string jsonPath, string? apiName = null, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var json = response.AssertError(status, code);
        var details = json["details"]!.AsObject();
        Assert.True(jsonPath == details["json_path"]?.GetValue<string>(), $"Expected json_path {jsonPath}: {response.Text}");
        if (apiName is not null)
        {
            Assert.True(apiName == details["api_name"]?.GetValue<string>(), $"Expected api_name {apiName}: {response.Text}");
        }

        return json;
    }

    public static string[] Keys(JsonObject json) => [.. json.Select(p => p.Key).Order(StringComparer.Ordinal)];
}
