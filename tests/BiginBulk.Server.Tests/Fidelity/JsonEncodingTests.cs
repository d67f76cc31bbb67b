using System.Net;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Fidelity;

/// <summary>
/// Zoho's bodies carry <c>+</c>, <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> and non-ASCII letters as they are, and a value
/// quoted inside an error message is escaped once (by the envelope), never twice.
/// </summary>
public sealed class JsonEncodingTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_criteria_value_quoted_in_an_error_message_is_its_plain_text()
    {
        var response = await fixture.Client.PostJsonAsync("/bigin/bulk/v2/read",
            """{"query":{"module":"Contacts","criteria":{"api_name":"Created_Time","comparator":"equal","value":"2020-01-01T00:00:00+05:30x"}}}""");

        var json = response.AssertError(HttpStatusCode.BadRequest, "INVALID_CRITERIA");
        Assert.Contains("\"2020-01-01T00:00:00+05:30x\"", json["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("+05:30x", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_string_value_in_an_error_message_is_compact_json_without_html_escapes()
    {
        var response = await fixture.Client.PostJsonAsync("/bigin/bulk/v2/read",
            """{"query":{"module":"Contacts","criteria":{"api_name":"Created_Time","comparator":"equal","value":{"a<b":"Zoë & +1"}}}}""");

        var json = response.AssertError(HttpStatusCode.BadRequest, "INVALID_CRITERIA");
        Assert.Contains("{\"a<b\":\"Zoë & +1\"}", json["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_text_with_html_characters_and_accents_comes_back_unescaped()
    {
        await fixture.Client.RunWriteAsync("Last_Name,First_Name\n\"Müller <&> +\",Zoë\n");

        var response = await fixture.Client.GetAsync("/bigin/v2/Contacts?fields=Last_Name,First_Name");

        response.AssertStatus(HttpStatusCode.OK);
        Assert.Contains("\"Müller <&> +\"", response.Text, StringComparison.Ordinal);
        Assert.Contains("\"Zoë\"", response.Text, StringComparison.Ordinal);
    }
}
