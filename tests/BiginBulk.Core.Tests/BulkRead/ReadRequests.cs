using System.Globalization;
using System.Text.Json.Nodes;
using BiginBulk.Core.BulkRead;
using BiginBulk.Core.BulkWrite;
using BiginBulk.Core.Errors;

namespace BiginBulk.Core.Tests.BulkRead;

/// <summary>A request context over the test modules, with two custom views and a callback check that refuses loopback.</summary>
internal static class ReadRequests
{
    /// <summary>The cvid of the seed page's second sample, a view of Accounts.</summary>
    public const long AccountsView = 554_023_000_000_093_005;

    public const long ContactsView = 554_023_000_000_087_501;

    public static BulkReadRequestContext Context(int maxCriteria = 25) => new()
    {
        JobId = 554_023_000_000_568_002,
        CreatedBy = new UserRef(554_023_000_000_235_011, "Patricia Boyle"),
        CreatedTime = DateTimeOffset.Parse("2019-05-09T14:01:24+05:30", CultureInfo.InvariantCulture),
        FindModule = ReadTestModules.FindModule,
        FindViewModule = (id, _) => Task.FromResult(id switch
        {
            AccountsView => "Accounts",
            ContactsView => "Contacts",
            _ => (string?)null,
        }),
        CheckCallbackUrl = (uri, _) => Task.FromResult(uri.IsLoopback ? "loopback addresses are not allowed" : null),
        MaxCriteria = maxCriteria,
    };

    public static Task<BulkReadJobDefinition> ParseAsync(string json, BulkReadRequestContext? context = null) =>
        BulkReadRequestParser.ParseAsync(JsonNode.Parse(json), context ?? Context(), TestContext.Current.CancellationToken);

    public static async Task<ZohoError> RefusedAsync(string json, BulkReadRequestContext? context = null) =>
        (await Assert.ThrowsAsync<ZohoErrorException>(() => ParseAsync(json, context))).Error;
}
