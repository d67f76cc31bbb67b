using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Upload;

/// <summary>What every successful upload must look like (contract notes §1.4, sdk wire notes §5).</summary>
internal static partial class UploadAssertions
{
    /// <summary>Asserts the exact success envelope and returns the file id.</summary>
    public static string AssertUploaded(Response response)
    {
        response.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("application/json", response.ContentType);
        var json = response.Json.AsObject();
        Assert.Equal(["code", "details", "message", "status"], json.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("success", json["status"]!.GetValue<string>());
        Assert.Equal("FILE_UPLOAD_SUCCESS", json["code"]!.GetValue<string>());
        Assert.Equal("file uploaded.", json["message"]!.GetValue<string>());

        var details = json["details"]!.AsObject();
        Assert.Equal(["created_time", "file_id"], details.Select(p => p.Key).Order(StringComparer.Ordinal));
        var fileId = AssertIdString(details["file_id"]);
        AssertIsoTime(details["created_time"]);
        return fileId;
    }

    /// <summary>A Zoho id: a JSON string of digits that SDK8 can parse as a positive Int64.</summary>
    public static string AssertIdString(JsonNode? node)
    {
        Assert.Equal("string", JsonShape.Kind(node));
        var text = node!.GetValue<string>();
        Assert.Matches(DigitsOnly(), text);
        Assert.True(long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0, $"'{text}' is not a positive Int64.");
        return text;
    }

    /// <summary>ISO 8601 with an offset and no fraction, as Zoho writes it; SDK8 parses it as DateTimeOffset.</summary>
    public static void AssertIsoTime(JsonNode? node)
    {
        Assert.Equal("string", JsonShape.Kind(node));
        var text = node!.GetValue<string>();
        Assert.Matches(IsoWithOffset(), text);
        Assert.True(DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _), $"'{text}' does not parse as a DateTimeOffset.");
    }

    [GeneratedRegex("^[0-9]{18,19}$")]
    private static partial Regex DigitsOnly();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")]
    private static partial Regex IsoWithOffset();
}
