using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.BulkRead;

/// <summary>
/// Random criteria trees over random contacts: the ids the API exports must equal the ids
/// <see cref="CriteriaOracle"/> selects from the same data. Seeded, so every run checks the same trees;
/// a failure prints the seed and the tree.
/// </summary>
public sealed class CriteriaPropertyTests : IAsyncLifetime
{
    private const int Seed = 20_240_611;
    private const int Trees = 40;

    private static readonly string[] FirstNames = ["Ann", "anna", "ANN", "Bob", "Cara", "Dan", "Eve", "Mc_Kay", "Zoe", "O'Neil"];
    private static readonly string[] LastNames = ["Smith", "smith", "SMITHERS", "Jones", "Brown", "Lee", "Ng", "Garcia", "Li_u", "Pct%"];
    private static readonly string[] Titles = ["CEO", "ceo", "CTO", "Sales Rep", "Mc_Kay Lead", "50% Partner", "Intern"];
    private static readonly string[] Cities = ["Paris", "paris", "PARIS", "Berlin", "berlin", "New York", "Oslo"];
    private static readonly string[] Sources = ["Advertisement", "Cold Call", "Partner", "Trade Show", "Web Research"];
    private static readonly string[] AccountNames = ["Acme", "ACME Labs", "Globex", "Initech", "Umbrella", "Hooli", "Stark_Ind", "Wayne 100%"];

    private static readonly (string Name, Kind Kind)[] Fields =
    [
        ("First_Name", Kind.Text), ("Last_Name", Kind.Text), ("Full_Name", Kind.Text), ("Email", Kind.Text), ("Phone", Kind.Text),
        ("Title", Kind.Text), ("Mailing_City", Kind.Text), ("Lead_Source", Kind.Text), ("Email_Opt_Out", Kind.Boolean),
        ("Date_of_Birth", Kind.Date), ("Account_Name", Kind.Lookup), ("Owner", Kind.Lookup), ("Account_Name.Account_Name", Kind.Text),
        ("Account_Name.Phone", Kind.Text), ("Account_Name.Website", Kind.Text), ("Owner.last_name", Kind.Text), ("Owner.email", Kind.Text),
    ];

    private static readonly string[] TextComparators = ["equal", "not_equal", "in", "not_in", "contains", "not_contains", "starts_with", "ends_with"];
    private static readonly string[] DateComparators = ["equal", "not_equal", "in", "not_in", "between", "not_between", "less_than", "less_equal", "greater_than", "greater_equal"];
    private static readonly string[] LookupComparators = ["equal", "not_equal", "in", "not_in"];

    private ServerProcess _server = null!;
    private BiginClient _client = null!;
    private readonly List<Dictionary<string, object?>> _contacts = [];

    private enum Kind
    {
        Text,
        Boolean,
        Date,
        Lookup,
    }

    public async ValueTask InitializeAsync()
    {
        _server = await ServerProcess.StartAsync();
        _client = new BiginClient(_server);
        var random = new Random(Seed);
        var userId = long.Parse(_server.Credentials.UserId, CultureInfo.InvariantCulture);

        var accounts = new List<(string Name, string? Phone, string? Website)>();
        var accountCsv = new StringBuilder("Account_Name,Phone,Website\n");
        foreach (var name in AccountNames)
        {
            var phone = random.Next(4) == 0 ? null : $"{random.Next(200, 999)}-{random.Next(0, 9999):0000}";
            var website = random.Next(3) == 0 ? null : $"https://{name.ToLowerInvariant().Replace(' ', '-').Replace("%", "", StringComparison.Ordinal)}.example";
            accounts.Add((name, phone, website));
            accountCsv.Append(CultureInfo.InvariantCulture, $"{name},{phone},{website}\n");
        }

        var accountIds = (await _client.InsertAsync("Accounts", accountCsv.ToString())).Select(id => long.Parse(id, CultureInfo.InvariantCulture)).ToList();

        var csv = new StringBuilder("First_Name,Last_Name,Email,Phone,Title,Mailing_City,Lead_Source,Email_Opt_Out,Date_of_Birth,Account_Name\n");
        var rows = new List<Dictionary<string, object?>>();
        for (var i = 0; i < 150; i++)
        {
            var first = Maybe(random, FirstNames, 5);
            var last = Pick(random, LastNames);
            var email = random.Next(6) == 0 ? null : $"{(first ?? "x").Replace("'", "", StringComparison.Ordinal)}.{i}@{Pick(random, ["Example.com", "example.com", "mail.test"])}";
            var phone = random.Next(4) == 0 ? null : $"555-{random.Next(0, 30):0000}";
            var title = Maybe(random, Titles, 4);
            var city = Maybe(random, Cities, 5);
            var source = Maybe(random, Sources, 4);
            bool? optOut = random.Next(3) switch { 0 => null, 1 => true, _ => false };
            DateOnly? birth = random.Next(5) == 0 ? null : new DateOnly(1970 + random.Next(0, 30), 1 + random.Next(0, 12), 1 + random.Next(0, 3) * 10);
            int? account = random.Next(5) == 0 ? null : random.Next(accounts.Count);
            csv.Append(CultureInfo.InvariantCulture,
                $"{first},{last},{email},{phone},{title},{city},{source},{(optOut is null ? "" : optOut.Value ? "true" : "false")},{birth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)},{(account is null ? "" : accountIds[account.Value].ToString(CultureInfo.InvariantCulture))}\n");
            rows.Add(new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["First_Name"] = first,
                ["Last_Name"] = last,
                ["Full_Name"] = $"{first} {last}".Trim(),
                ["Email"] = email,
                ["Phone"] = phone,
                ["Title"] = title,
                ["Mailing_City"] = city,
                ["Lead_Source"] = source,
                ["Email_Opt_Out"] = optOut,
                ["Date_of_Birth"] = birth,
                ["Account_Name"] = account is null ? null : accountIds[account.Value],
                ["Owner"] = userId,
                ["Account_Name.Account_Name"] = account is null ? null : accounts[account.Value].Name,
                ["Account_Name.Phone"] = account is null ? null : accounts[account.Value].Phone,
                ["Account_Name.Website"] = account is null ? null : accounts[account.Value].Website,
                ["Owner.last_name"] = "User",
                ["Owner.email"] = "admin@biginbulk.local",
            });
        }

        var ids = await _client.InsertAsync("Contacts", csv.ToString());
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i]["id"] = ids[i];
        }

        _contacts.AddRange(rows);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task The_stored_data_is_what_the_oracle_evaluates()
    {
        var names = Fields.Select(f => f.Name).ToArray();
        var run = await _client.RunReadAsync(new JsonObject { ["module"] = "Contacts", ["fields"] = new JsonArray([.. names.Select(n => (JsonNode?)n)]) });

        Assert.Equal(_contacts.Count, run.Csv.Rows.Count);
        foreach (var row in run.Csv.Rows)
        {
            var expected = _contacts.Single(c => (string)c["id"]! == run.Csv.Cell(row, "id"));
            foreach (var name in names)
            {
                Assert.True(Format(expected[name]) == run.Csv.Cell(row, name), $"record {expected["id"]} field {name}: model {Format(expected[name])}, exported {run.Csv.Cell(row, name)}");
            }
        }
    }

    [Fact]
    public async Task Exported_ids_equal_an_independent_evaluation_for_random_criteria_trees()
    {
        var random = new Random(Seed + 1);
        var selective = 0;
        for (var t = 0; t < Trees; t++)
        {
            // Trees that select all or nothing prove little: most of them are redrawn (some are kept, as edge cases).
            JsonObject tree;
            do
            {
                tree = Node(random, depth: 1, forceGroup: true);
            }
            while (Leaves(tree) > 25 || (IsTrivial(tree) && random.Next(4) != 0));

            var query = new JsonObject { ["module"] = "Contacts", ["fields"] = new JsonArray("Last_Name"), ["criteria"] = tree.DeepClone() };
            var exported = (await _client.RunReadAsync(query)).Ids.ToHashSet(StringComparer.Ordinal);
            var expected = _contacts
                .Where(c => CriteriaOracle.Matches(tree, f => c[f], f => f == "Email_Opt_Out"))
                .Select(c => (string)c["id"]!)
                .ToHashSet(StringComparer.Ordinal);

            if (expected.Count > 0 && expected.Count < _contacts.Count)
            {
                selective++;
            }

            if (!expected.SetEquals(exported))
            {
                var missing = expected.Except(exported).Take(5).Select(Describe);
                var extra = exported.Except(expected).Take(5).Select(Describe);
                Assert.Fail($"seed {Seed}, tree #{t}: {tree.ToJsonString()}\nexpected {expected.Count} ids, exported {exported.Count}\n" +
                    $"missing (expected, not exported):\n  {string.Join("\n  ", missing)}\nextra (exported, not expected):\n  {string.Join("\n  ", extra)}");
            }
        }

        // Trees that select all or nothing prove little; the generator must mostly produce ones that split the data.
        Assert.True(selective >= Trees / 2, $"seed {Seed}: only {selective} of {Trees} trees selected some but not all records");
    }

    private string Describe(string id)
    {
        var record = _contacts.Single(c => (string)c["id"]! == id);
        return string.Join(", ", record.Select(p => $"{p.Key}={Format(p.Value)}"));
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        _ => (string)value,
    };

    private bool IsTrivial(JsonNode tree)
    {
        var count = _contacts.Count(c => CriteriaOracle.Matches(tree, f => c[f], f => f == "Email_Opt_Out"));
        return count == 0 || count == _contacts.Count;
    }

    private static int Leaves(JsonNode node) => node["group"] is JsonArray group ? group.Sum(c => Leaves(c!)) : 1;

    private JsonObject Node(Random random, int depth, bool forceGroup = false)
    {
        if (forceGroup || (depth < 3 && random.Next(3) == 0))
        {
            var children = new JsonArray();
            var count = random.Next(1, 5);
            for (var i = 0; i < count; i++)
            {
                children.Add(Node(random, depth + 1));
            }

            return new JsonObject { ["group_operator"] = random.Next(2) == 0 ? "and" : "or", ["group"] = children };
        }

        return Leaf(random);
    }

    private JsonObject Leaf(Random random)
    {
        var (field, kind) = Fields[random.Next(Fields.Length)];
        var comparator = kind switch
        {
            Kind.Text => Pick(random, TextComparators),
            Kind.Date => Pick(random, DateComparators),
            Kind.Lookup => Pick(random, LookupComparators),
            _ => "equal",
        };
        var leaf = random.Next(5) == 0
            ? new JsonObject { ["field"] = new JsonObject { ["api_name"] = field } }
            : new JsonObject { ["api_name"] = field };
        leaf["comparator"] = comparator;
        leaf["value"] = Value(random, field, kind, comparator);
        return leaf;
    }

    private JsonNode Value(Random random, string field, Kind kind, string comparator)
    {
        var allowsEmpty = comparator is "equal" or "not_equal" or "in" or "not_in";
        if (kind == Kind.Boolean)
        {
            var flag = random.Next(2) == 0;
            return random.Next(3) == 0 ? JsonValue.Create(flag ? "true" : "false") : JsonValue.Create(flag);
        }

        if (comparator is "in" or "not_in")
        {
            var items = new JsonArray();
            var count = random.Next(1, 4);
            for (var i = 0; i < count; i++)
            {
                items.Add(allowsEmpty && random.Next(6) == 0 ? JsonValue.Create(CriteriaOracle.Empty) : Scalar(random, field, kind, comparator));
            }

            return items;
        }

        if (comparator is "between" or "not_between")
        {
            var (a, b) = (RandomDate(random, field), RandomDate(random, field));
            return new JsonArray(Iso(a < b ? a : b), Iso(a < b ? b : a));
        }

        return allowsEmpty && random.Next(6) == 0 ? JsonValue.Create(CriteriaOracle.Empty) : Scalar(random, field, kind, comparator);
    }

    private JsonNode Scalar(Random random, string field, Kind kind, string comparator)
    {
        if (kind == Kind.Date)
        {
            return Iso(RandomDate(random, field));
        }

        var present = _contacts.Select(c => c[field]).Where(v => v is not null and not "").ToList();
        if (kind == Kind.Lookup)
        {
            return random.Next(4) == 0 || present.Count == 0 ? "1234567890123456" : Format(present[random.Next(present.Count)]);
        }

        if (random.Next(5) == 0 || present.Count == 0)
        {
            return Pick(random, ["zzz", "q", "%", "_", "Smith Jones", "555-99", "example"]);
        }

        var text = Format(present[random.Next(present.Count)]);
        text = comparator switch
        {
            "contains" or "not_contains" => Part(random, text, random.Next(text.Length)),
            "starts_with" => Part(random, text, 0),
            "ends_with" => text[(text.Length - random.Next(1, Math.Min(4, text.Length) + 1))..],
            _ => text,
        };
        return random.Next(3) switch
        {
            0 => text.ToUpperInvariant(),
            1 => text.ToLowerInvariant(),
            _ => text,
        };
    }

    private static string Part(Random random, string text, int start) =>
        text.Substring(start, Math.Min(text.Length - start, random.Next(1, 4)));

    private DateOnly RandomDate(Random random, string field)
    {
        var present = _contacts.Select(c => c[field]).OfType<DateOnly>().ToList();
        return random.Next(3) == 0 || present.Count == 0 ? new DateOnly(1965 + random.Next(0, 40), 1 + random.Next(0, 12), 1 + random.Next(0, 28)) : present[random.Next(present.Count)];
    }

    private static JsonNode Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static string? Maybe(Random random, string[] values, int oneEmptyIn) => random.Next(oneEmptyIn) == 0 ? null : Pick(random, values);
}
