using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.BulkRead;

/// <summary>The create-bulk-read-job call: the page's samples on every route, and the 201 envelope.</summary>
public sealed class CreateReadJobTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private BiginClient Client => fixture.Client;

    public static TheoryData<string, string> SamplesOnRoutes()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in new[] { "/bigin/bulk/v1/read", "/bigin/bulk/v2/read", "/crm/bulk/v8/read" })
        {
            foreach (var sample in new[] { "lookup", "cvid", "ics" })
            {
                data.Add(route, sample);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SamplesOnRoutes))]
    public async Task The_page_samples_are_accepted_with_the_documented_201_envelope(string route, string sample)
    {
        var body = await SampleBodyAsync(route, sample);
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        var response = await Client.PostJsonAsync(route, body);

        response.AssertStatus(HttpStatusCode.Created);
        Assert.Equal("application/json", response.ContentType?.Split(';')[0]);
        var json = response.Json.AsObject();
        Assert.Equal(["data", "info"], json.Select(p => p.Key).Order());
        Assert.Empty(json["info"]!.AsObject());
        var entry = Assert.Single(json["data"]!.AsArray())!.AsObject();
        Assert.Equal(["code", "details", "message", "status"], entry.Select(p => p.Key).Order());
        Assert.Equal("success", entry["status"]!.GetValue<string>());
        Assert.Equal("ADDED_SUCCESSFULLY", entry["code"]!.GetValue<string>());
        Assert.Equal("Added successfully.", entry["message"]!.GetValue<string>());
        var details = entry["details"]!.AsObject();
        Assert.Equal(["created_by", "created_time", "id", "operation", "state"], details.Select(p => p.Key).Order());
        Assert.True(long.TryParse(details["id"]!.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out _), "id must be a numeric string");
        Assert.Equal("read", details["operation"]!.GetValue<string>());
        Assert.Equal("ADDED", details["state"]!.GetValue<string>());
        var createdBy = details["created_by"]!.AsObject();
        Assert.Equal(fixture.Server.Credentials.UserId, createdBy["id"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(createdBy["name"]!.GetValue<string>()));
        var createdText = details["created_time"]!.GetValue<string>();
        var created = DateTimeOffset.ParseExact(createdText, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        Assert.InRange(created, before, DateTimeOffset.UtcNow.AddSeconds(5));
    }

    [Fact]
    public async Task The_cvid_sample_with_the_demo_orgs_view_id_is_refused_naming_cvid()
    {
        var body = ReadSamples.WithCvidAndCriteria.Replace("{cvid}", ReadSamples.SampleCvid, StringComparison.Ordinal);

        var response = await Client.PostJsonAsync("/bigin/bulk/v1/read", body);

        var error = response.AssertError(HttpStatusCode.BadRequest, "INVALID_REQUEST");
        Assert.Equal("cvid", error["details"]!["api_name"]!.GetValue<string>());
        Assert.Equal("$.query.cvid", error["details"]!["json_path"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_body_that_is_not_declared_as_JSON_is_415_MEDIA_TYPE_NOT_SUPPORTED(string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(ReadSamples.WithLookupFields));
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        var response = await Client.SendAsync(HttpMethod.Post, "/bigin/bulk/v1/read", content);

        response.AssertError(HttpStatusCode.UnsupportedMediaType, "MEDIA_TYPE_NOT_SUPPORTED");
    }

    [Fact]
    public async Task A_charset_parameter_on_the_JSON_content_type_is_accepted()
    {
        var content = new StringContent(ReadSamples.WithLookupFields, Encoding.UTF8, "application/json");
        Assert.Contains("charset", content.Headers.ContentType!.ToString(), StringComparison.Ordinal);

        var response = await Client.SendAsync(HttpMethod.Post, "/bigin/bulk/v2/read", content);

        response.AssertStatus(HttpStatusCode.Created);
    }

    private async Task<string> SampleBodyAsync(string route, string sample)
    {
        var json = sample switch
        {
            "lookup" => ReadSamples.WithLookupFields,
            "cvid" => ReadSamples.WithCvidAndCriteria.Replace("{cvid}", await AllViewIdAsync("Accounts"), StringComparison.Ordinal),
            "ics" => ReadSamples.MeetingsAsIcs,
            _ => throw new ArgumentOutOfRangeException(nameof(sample)),
        };
        return route.StartsWith("/crm/", StringComparison.Ordinal) ? ReadSamples.ToCrmShape(json).ToJsonString() : json;
    }

    private async Task<string> AllViewIdAsync(string module)
    {
        var response = await Client.GetAsync($"/bigin/v2/settings/custom_views?module={module}");
        response.AssertStatus(HttpStatusCode.OK);
        return response.Json["custom_views"]!.AsArray().Single(v => v!["system_defined"]!.GetValue<bool>())!["id"]!.GetValue<string>();
    }
}
