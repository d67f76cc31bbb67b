using System.Net;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Records;

/// <summary>A record id that is not a number is a client error, as Zoho answers it, not "no such record".</summary>
public sealed class RecordIdTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("abc")]
    [InlineData("12x")]
    [InlineData("99999999999999999999999")]
    public async Task A_record_id_that_is_not_a_number_is_invalid_data(string id)
    {
        var response = await fixture.Client.GetAsync($"/bigin/v2/Contacts/{id}");

        var error = response.AssertError(HttpStatusCode.BadRequest, "INVALID_DATA");
        Assert.Equal("the id given seems to be invalid", error["message"]!.GetValue<string>());
        Assert.Equal(id, error["details"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_well_formed_id_of_no_record_is_still_no_content()
    {
        var response = await fixture.Client.GetAsync("/bigin/v2/Contacts/123456789012345678");

        response.AssertStatus(HttpStatusCode.NoContent);
    }
}
