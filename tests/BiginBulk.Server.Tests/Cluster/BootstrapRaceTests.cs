using System.Globalization;
using System.Net;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Cluster;

/// <summary>
/// Nodes that start at the same moment on one empty store bootstrap it once: one default org, one
/// bootstrap.json, and its token works on every node.
/// </summary>
public sealed class BootstrapRaceTests
{
    [Fact]
    public async Task Three_nodes_started_together_on_an_empty_store_create_exactly_one_org()
    {
        var nodes = await ServerProcess.StartTogetherAsync(3, i => new Dictionary<string, string>
        {
            ["BiginBulk:NodeId"] = (i + 1).ToString(CultureInfo.InvariantCulture),
        });
        try
        {
            var written = nodes.Select(n => n.BootstrapFile).Distinct(StringComparer.Ordinal).Count(File.Exists);
            Assert.Equal(1, written);

            var orgs = (await AdminTool.RunJsonAsync(nodes[0], "org", "list")).AsArray();
            Assert.Single(orgs);
            Assert.Equal(nodes[0].Credentials.OrgId, orgs[0]!["id"]!.GetValue<string>());

            foreach (var node in nodes)
            {
                using var client = new BiginClient(node);
                var response = await client.GetAsync("/bigin/v2/settings/modules");
                response.AssertStatus(HttpStatusCode.OK);
            }
        }
        finally
        {
            // The shared nodes first: the first node owns the store and drops it.
            foreach (var node in nodes.Reverse())
            {
                await node.DisposeAsync();
            }
        }
    }
}
