using System.Net;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Search;

/// <summary>The search API over a fixed set of contacts, on both path families.</summary>
public sealed class SearchApiTests(SearchApiTests.Data data) : IClassFixture<SearchApiTests.Data>
{
    private BiginClient Client => data.Client;

    [Theory]
    [InlineData("(Last_Name:equals:Burns)", "Burns")]
    [InlineData("(last_name:equals:BURNS)", "Burns")]
    [InlineData("((Last_Name:starts_with:B)and(First_Name:equals:Ada))", "Burns")]
    [InlineData("((Last_Name:equals:Burns)or(Last_Name:equals:Hopper))", "Burns,Hopper")]
    [InlineData("(((Last_Name:equals:Burns)or(Last_Name:equals:Hopper))and(Email:ends_with:@example.com))", "Hopper")]
    [InlineData("(Last_Name:in:Burns,Hopper,Nobody)", "Burns,Hopper")]
    [InlineData("(Title:equals:R\\(and\\)D\\, Lab\\: North)", "Lovelace")]
    [InlineData("(Email:contains:example)", "Hopper,Lovelace")]
    [InlineData("(Last_Name:not_equal:Burns)", "Hopper,Lovelace")]
    [InlineData("(Created_Time:greater_than:2000-01-01T00:00:00+00:00)", "Burns,Hopper,Lovelace")]
    public async Task Criteria_select_the_matching_records(string criteria, string expected)
    {
        foreach (var prefix in new[] { "/bigin/v2", "/crm/v8" })
        {
            var response = await Client.GetAsync($"{prefix}/Contacts/search?criteria={Uri.EscapeDataString(criteria)}");
            response.AssertStatus(HttpStatusCode.OK);
            var names = response.Json["data"]!.AsArray().Select(r => r!["Last_Name"]!.GetValue<string>()).Order(StringComparer.Ordinal);
            Assert.Equal(expected, string.Join(',', names));
            Assert.Equal(expected.Split(',').Length, response.Json["info"]!["count"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task Nothing_matching_is_204_with_no_body()
    {
        var response = await Client.GetAsync("/bigin/v2/Contacts/search?criteria=(Last_Name:equals:Nobody)");
        response.AssertStatus(HttpStatusCode.NoContent);
        Assert.Empty(response.Body);
        (await Client.GetAsync("/bigin/v2/Contacts/search?email=nobody@example.com")).AssertStatus(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Email_phone_and_word_search_their_kinds_of_field()
    {
        var email = await Client.GetAsync("/bigin/v2/Contacts/search?email=GRACE@example.com");
        Assert.Equal("Hopper", Assert.Single(email.Json["data"]!.AsArray())!["Last_Name"]!.GetValue<string>());
        var phone = await Client.GetAsync("/bigin/v2/Contacts/search?phone=555-0199");
        Assert.Equal("Burns", Assert.Single(phone.Json["data"]!.AsArray())!["Last_Name"]!.GetValue<string>());
        var word = await Client.GetAsync("/bigin/v2/Contacts/search?word=ovela");
        Assert.Equal("Lovelace", Assert.Single(word.Json["data"]!.AsArray())!["Last_Name"]!.GetValue<string>());
        var record = word.Json["data"]![0]!;
        Assert.Matches("^[0-9]{18,19}$", record["id"]!.GetValue<string>());
        Assert.Equal("admin@biginbulk.local", record["Owner"]!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task Pages_say_whether_more_records_match()
    {
        var first = await Client.GetAsync("/bigin/v2/Contacts/search?criteria=(Last_Name:not_equal:Nobody)&per_page=2");
        Assert.Equal(2, first.Json["data"]!.AsArray().Count);
        Assert.True(first.Json["info"]!["more_records"]!.GetValue<bool>());
        var second = await Client.GetAsync("/bigin/v2/Contacts/search?criteria=(Last_Name:not_equal:Nobody)&per_page=2&page=2");
        Assert.Single(second.Json["data"]!.AsArray());
        Assert.False(second.Json["info"]!["more_records"]!.GetValue<bool>());
        (await Client.GetAsync("/bigin/v2/Contacts/search?criteria=(Last_Name:not_equal:Nobody)&per_page=200&page=11"))
            .AssertError(HttpStatusCode.BadRequest, "LIMIT_REACHED");
    }

    [Fact]
    public async Task Ten_criteria_pass_and_eleven_are_refused()
    {
        string Conditions(int n) => "(" + string.Join("or", Enumerable.Range(0, n).Select(_ => "(Last_Name:equals:Burns)")) + ")";

        (await Client.GetAsync($"/bigin/v2/Contacts/search?criteria={Uri.EscapeDataString(Conditions(10))}")).AssertStatus(HttpStatusCode.OK);
        var error = (await Client.GetAsync($"/bigin/v2/Contacts/search?criteria={Uri.EscapeDataString(Conditions(11))}"))
            .AssertError(HttpStatusCode.BadRequest, "INVALID_QUERY");
        Assert.Equal(10, error["details"]!["max_limit"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("Last_Name:equals:Burns", "position")]
    [InlineData("(Last_Name:equals:Burns", "position")]
    [InlineData("(Last_Name:equals:Burns))", "position")]
    [InlineData("(Last_Name equals Burns)", "position")]
    [InlineData("((Last_Name:equals:A)and(Last_Name:equals:B)or(Last_Name:equals:C))", "position")]
    [InlineData("((Last_Name:equals:A)xor(Last_Name:equals:B))", "position")]
    [InlineData("(Last_Name:like:Burns)", "operator")]
    [InlineData("(Nope:equals:x)", "api_name")]
    [InlineData("(Created_Time:greater_than:yesterday)", "api_name")]
    [InlineData("(Last_Name:greater_than:B)", "api_name")]
    [InlineData("(Last_Name:equals:a,b)", "position")]
    public async Task Malformed_criteria_are_invalid_query_naming_the_problem(string criteria, string detail)
    {
        var error = (await Client.GetAsync($"/bigin/v2/Contacts/search?criteria={Uri.EscapeDataString(criteria)}"))
            .AssertError(HttpStatusCode.BadRequest, "INVALID_QUERY");
        Assert.NotNull(error["details"]![detail]);
        Assert.Equal("criteria", error["details"]!["param_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task One_search_parameter_is_required_and_the_module_scope_is_checked()
    {
        (await Client.GetAsync("/bigin/v2/Contacts/search")).AssertError(HttpStatusCode.BadRequest, "REQUIRED_PARAM_MISSING");
        (await Client.GetAsync("/bigin/v2/Contacts/search?email=a@b.co&word=ab")).AssertError(HttpStatusCode.BadRequest, "REQUIRED_PARAM_MISSING");
        (await Client.GetAsync("/bigin/v2/Contacts/search?word=a")).AssertError(HttpStatusCode.BadRequest, "INVALID_QUERY");
        (await Client.GetAsync("/bigin/v2/Nope/search?word=ab")).AssertError(HttpStatusCode.BadRequest, "INVALID_MODULE");
        using var other = new BiginClient(data.Server, await ScopedTokens.MintAsync(data.Server, "ZohoBigin.modules.accounts.READ", data.Server.Credentials.ClientId));
        (await other.GetAsync("/bigin/v2/Contacts/search?word=ab")).AssertError(HttpStatusCode.Unauthorized, "OAUTH_SCOPE_MISMATCH");
        (await other.GetAsync("/bigin/v2/Accounts/search?word=ab")).AssertStatus(HttpStatusCode.NoContent);
    }

    /// <summary>Three contacts written by bulk write, which search must see.</summary>
    public sealed class Data : IAsyncLifetime
    {
        public ServerProcess Server { get; private set; } = null!;

        public BiginClient Client { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            Server = await ServerProcess.StartAsync();
            Client = new BiginClient(Server);
            var run = await Client.RunWriteAsync("""
                Last_Name,First_Name,Email,Phone,Title
                Burns,Ada,ada@burns.test,555-0199,CEO
                Hopper,Grace,grace@example.com,555-0101,
                Lovelace,Ada,ada@example.com,555-0100,"R(and)D, Lab: North"

                """);
            Assert.All(Enumerable.Range(0, 3), i => Assert.Equal("ADDED", run.Result.Cell(i, "STATUS")));
        }

        public async ValueTask DisposeAsync()
        {
            Client?.Dispose();
            if (Server is not null)
            {
                await Server.DisposeAsync();
            }
        }
    }
}
