using System.Globalization;

namespace BiginBulk.Storage.Tests.Compliance;

public abstract partial class ExportCompliance
{
    [Fact]
    public async Task Text_equality_and_membership_ignore_case()
    {
        var store = await NewOrgAsync();
        var d = await SeedAsync(store);

        Assert.Equal([d.C1, d.C2], await MatchAsync(store, Contacts, Leaf("Last_Name", "equal", Text("BOYLE"))));
        Assert.Equal([d.C1, d.C5], await MatchAsync(store, Contacts, Leaf("Mailing_City", "equal", Text("PARIS"))));
        Assert.Equal([d.C1, d.C3, d.C5], await MatchAsync(store, Contacts, Leaf("Mailing_City", "in", """["paris","BERLIN"]""")));
        Assert.Equal([d.C1, d.C5], await MatchAsync(store, Contacts, Leaf("Mailing_City", "in", Text("Paris"))));
    }

    [Fact]
    public async Task Negative_comparators_also_match_empty_fields()
    {
        var store = await NewOrgAsync();
        var d = await SeedAsync(store);

        Assert.Equal([d.C3, d.C4, d.C5], await MatchAsync(store, Contacts, Leaf("Last_Name", "not_equal", Text("boyle"))));
        Assert.Equal([d.C2, d.C3, d.C4], await MatchAsync(store, Contacts, Leaf("Mailing_City", "not_equal", Text("paris"))));
        Assert.Equal([d.C2, d.C4], await MatchAsync(store, Contacts, Leaf("Mailing_City", "not_in", """["PARIS","berlin"]""")));
        Assert.Equal([d.C3, d.C4, d.C5], await MatchAsync(store, Contacts, Leaf("Title", "not_contains", Text("OFF"))));
        Assert.Equal([d.C1, d.C3, d.C4, d.C5], await MatchAsync(store, Contacts, Leaf("Date_of_Birth", "not_equal", Text("1985-06-30"))));
    }

    [Fact]
    public async Task Empty_matches_null_and_empty_text_and_combines_with_values()
    {
        var store = await NewOrgAsync();
        var d = await SeedAsync(store);

        Assert.Equal([d.C2, d.C4], await MatchAsync(store, Contacts, Leaf("Mailing_City", "equal", Text("${EMPTY}"))));
        Assert.Equal([d.C1, d.C3, d.C5], await MatchAsync(store, Contacts, Leaf("Mailing_City", "not_equal", Text("${EMPTY}"))));
        Assert.Equal([d.C2, d.C3, d.C4], await MatchAsync(store, Contacts, Leaf("Mailing_City", "in", """["berlin","${EMPTY}"]""")));
        Assert.Equal([d.C3], await MatchAsync(store, Contacts, Leaf("Mailing_City", "not_in", """["paris","${EMPTY}"]""")));
        Assert.Equal([d.C2, d.C4], await MatchAsync(store, Contacts, Leaf("Mailing_City", "in", """["${EMPTY}"]""")));
        Assert.Equal([d.C3], await MatchAsync(store, Contacts, Leaf("Date_of_Birth", "equal", Text("${EMPTY}"))));
        Assert.Equal([d.C3, d.C5], await MatchAsync(store, Contacts, Leaf("Account_Name", "equal", Text("${EMPTY}"))));
        Assert.Equal([d.C1, d.C2, d.C4], await MatchAsync(store, Contacts, Leaf("Account_Name", "not_equal", Text("${EMPTY}"))));
        Assert.Equal([d.C4], await MatchAsync(store, Contacts, Leaf("Owner", "equal", Text("${EMPTY}"))));
    }

    [Fact]
    public async Task Contains_starts_with_and_ends_with_ignore_case()
    {
        var store = await NewOrgAsync();
        var d = await SeedAsync(store);

        Assert.Equal([d.C3, d.C5], await MatchAsync(store, Contacts, Leaf("Last_Name", "contains", Text("MI"))));
        Assert.Equal([d.C1, d.C2, d.C4], await MatchAsync(store, Contacts, Leaf("Last_Name", "starts_with", Text("b"))));
        Assert.Equal([d.C1, d.C2], await MatchAsync(store, Contacts, Leaf("Last_Name", "ends_with", Text("YLE"))));
        Assert.Equal([d.C1], await MatchAsync(store, Contacts, Leaf("Email", "ends_with", Text(".COM"))));
    }

    [Fact]
    public async Task Like_wildcards_in_values_match_literally()
    {
        var store = await NewOrgAsync();
        var d = await SeedAsync(store);

        Assert.Equal([d.C1], await MatchAsync(store, Contacts, Leaf("Title", "contains", Text("% off_"))));
        Assert.Equal([d.C1], await MatchAsync(store, Contacts, Leaf("Title", "starts_with", Text("50%"))));
        Assert.Equal([d.C1], await MatchAsync(store, Contacts, Leaf("Title", "ends_with", Text("_deal"))));
        Assert.Equal([d.C2, d.C3, d.C4, d.C5], await MatchAsync(store, Contacts, Leaf("Title", "not_contains", Text("%"))));
    }

    [Fact]
    public async Task An_unset_checkbox_reads_as_false()
    {
        var store = await NewOrgAsync();
        var d = await SeedAsync(store);

        Assert.Equal([d.C1, d.C5], await MatchAsync(store, Contacts, Leaf("Email_Opt_Out", "equal", "true")));
        Assert.Equal([d.C2, d.C3, d.C4], await MatchAsync(store, Contacts, Leaf("Email_Opt_Out", "equal", "false")));
        Assert.Equal([d.C2, d.C3, d.C4], await MatchAsync(store, Contacts, Leaf("Email_Opt_Out", "equal", Text("false"))));
    }

    [Fact]
    public async Task Dates_compare_by_calendar_order_with_inclusive_ranges()
    {
        var store = await NewOrgAsync();
        var d = await SeedAsync(store);

        Assert.Equal([d.C2], await MatchAsync(store, Contacts, Leaf("Date_of_Birth", "equal", Text("1985-06-30"))));
        Assert.Equal([d.C5], await MatchAsync(store, Contacts, Leaf("Date_of_Birth", "less_than", Text("1985-06-30"))));
        Assert.Equal([d.C2, d.C5], await MatchAsync(store, Contacts, Leaf("Date_of_Birth", "less_equal", Text("1985-06-30"))));
        Assert.Equal([d.C4], await MatchAsync(store, Contacts, Leaf("Date_of_Birth", "greater_than", Text("1990-01-15"))));
        Assert.Equal([d.C1, d.C4], await MatchAsync(store, Contacts, Leaf("Date_of_Birth", "greater_equal", Text("1990-01-15"))));
        Assert.Equal([d.C1, d.C2], await MatchAsync(store, Contacts, Leaf("Date_of_Birth", "between", """["1985-06-30","1990-01-15"]""")));
        Assert.Equal([d.C3, d.C4, d.C5], await MatchAsync(store, Contacts, Leaf("Date_of_Birth", "not_between", """["1985-06-30","1990-01-15"]""")));
        Assert.Equal([d.C1, d.C5], await MatchAsync(store, Contacts, Leaf("Date_of_Birth", "in", """["1990-01-15","1985-06-29"]""")));
        Assert.Equal([d.C2, d.C3, d.C4], await MatchAsync(store, Contacts, Leaf("Date_of_Birth", "not_in", """["1990-01-15","1985-06-29"]""")));
    }

    [Fact]
    public async Task Datetimes_compare_as_instants_whatever_the_offset()
    {
        var store = await NewOrgAsync();
        var d = await SeedAsync(store);

        Assert.Equal([d.C2, d.C3, d.C4, d.C5], await MatchAsync(store, Contacts, Leaf("Created_Time", "greater_equal", Text("2024-01-02T05:30:00+05:30"))));
        Assert.Equal([d.C3, d.C4, d.C5], await MatchAsync(store, Contacts, Leaf("Created_Time", "greater_than", Text("2024-01-01T19:00:00-05:00"))));
        Assert.Equal([d.C1], await MatchAsync(store, Contacts, Leaf("Created_Time", "less_than", Text("2024-01-02T00:00:00Z"))));
        Assert.Equal([d.C2, d.C3, d.C4], await MatchAsync(store, Contacts, Leaf("Created_Time", "between", """["2024-01-02T00:00:00Z","2024-01-04T12:30:45Z"]""")));
        Assert.Equal([d.C1, d.C5], await MatchAsync(store, Contacts, Leaf("Created_Time", "not_between", """["2024-01-02T00:00:00Z","2024-01-04T12:30:45Z"]""")));
    }

    [Fact]
    public async Task Datetime_criteria_match_times_written_with_milliseconds_at_second_precision()
    {
        // C4 was written at 12:30:45.678; criteria are to the second (the page refuses milliseconds).
        var store = await NewOrgAsync();
        var d = await SeedAsync(store);

        Assert.Equal([d.C4], await MatchAsync(store, Contacts, Leaf("Created_Time", "equal", Text("2024-01-04T18:00:45+05:30"))));
        Assert.Equal([d.C4, d.C5], await MatchAsync(store, Contacts, Leaf("Modified_Time", "greater_equal", Text("2024-01-04T12:30:45Z"))));
        Assert.Equal([d.C5], await MatchAsync(store, Contacts, Leaf("Modified_Time", "greater_than", Text("2024-01-04T12:30:45Z"))));
        Assert.Equal([d.C1, d.C2, d.C3, d.C4], await MatchAsync(store, Contacts, Leaf("Modified_Time", "less_equal", Text("2024-01-04T12:30:45Z"))));
    }

    [Fact]
    public async Task Lookup_and_owner_ids_compare_by_id()
    {
        var store = await NewOrgAsync();
        var d = await SeedAsync(store);

        Assert.Equal([d.C1, d.C4], await MatchAsync(store, Contacts, Leaf("Account_Name", "equal", Text(d.A1.ToString(CultureInfo.InvariantCulture)))));
        Assert.Equal([d.C2, d.C3, d.C5], await MatchAsync(store, Contacts, Leaf("Account_Name", "not_equal", Id(d.A1))));
        Assert.Equal([d.C1, d.C2, d.C4], await MatchAsync(store, Contacts, Leaf("Account_Name", "in", $"[{Id(d.A1)},{Id(d.A2)}]")));
        Assert.Equal([d.C1, d.C3], await MatchAsync(store, Contacts, Leaf("Owner", "equal", Id(d.U1))));
        Assert.Equal([d.C2, d.C4, d.C5], await MatchAsync(store, Contacts, Leaf("Owner", "not_in", $"[{Id(d.U1)}]")));
        Assert.Equal([d.C3, d.C5], await MatchAsync(store, Contacts, Leaf("Account_Name", "not_in", $"[{Id(d.A1)},{Id(d.A2)}]")));
    }

    [Fact]
    public async Task Money_compares_exactly_to_the_cent_and_beyond()
    {
        var store = await NewOrgAsync();
        var deals = Enumerable.Range(0, 5).Select(_ => NewId()).ToArray();
        await SeedAsync(store, s =>
        {
            Insert(s, Pipelines, deals[0], ("Deal_Name", "D1"), ("Amount", 100.50m), ("Probability", 10m));
            Insert(s, Pipelines, deals[1], ("Deal_Name", "D2"), ("Amount", 99.99m), ("Probability", 50m));
            Insert(s, Pipelines, deals[2], ("Deal_Name", "D3"));
            Insert(s, Pipelines, deals[3], ("Deal_Name", "D4"), ("Amount", 12_345_678_901_234.56m), ("Probability", 100m));
            Insert(s, Pipelines, deals[4], ("Deal_Name", "D5"), ("Amount", -5m), ("Probability", 0m));
        });
        var (d1, d2, d3, d4, d5) = (deals[0], deals[1], deals[2], deals[3], deals[4]);

        Assert.Equal([d1], await MatchAsync(store, Pipelines, Leaf("Amount", "equal", "100.5")));
        Assert.Equal([d1], await MatchAsync(store, Pipelines, Leaf("Amount", "equal", Text("100.50"))));
        Assert.Equal([d2, d5], await MatchAsync(store, Pipelines, Leaf("Amount", "less_than", "100.5")));
        Assert.Equal([d1, d2, d5], await MatchAsync(store, Pipelines, Leaf("Amount", "less_equal", "100.5")));
        Assert.Equal([d4], await MatchAsync(store, Pipelines, Leaf("Amount", "greater_than", "100.5")));
        Assert.Equal([d1, d2, d4], await MatchAsync(store, Pipelines, Leaf("Amount", "greater_equal", "99.99")));
        Assert.Equal([d2, d3, d4, d5], await MatchAsync(store, Pipelines, Leaf("Amount", "not_equal", "100.5")));
        Assert.Equal([d2, d5], await MatchAsync(store, Pipelines, Leaf("Amount", "in", "[99.99,-5]")));
        Assert.Equal([d4], await MatchAsync(store, Pipelines, Leaf("Amount", "equal", "12345678901234.56")));
        Assert.Empty(await MatchAsync(store, Pipelines, Leaf("Amount", "equal", "12345678901234.57")));
        // A value with more decimals than the field still compares exactly.
        Assert.Equal([d4], await MatchAsync(store, Pipelines, Leaf("Amount", "greater_than", "100.505")));
        Assert.Equal([d1, d2, d5], await MatchAsync(store, Pipelines, Leaf("Amount", "less_than", "100.505")));
        Assert.Empty(await MatchAsync(store, Pipelines, Leaf("Amount", "equal", "100.505")));
        Assert.Equal([d2, d4], await MatchAsync(store, Pipelines, Leaf("Probability", "greater_equal", "50")));
        Assert.Equal([d3], await MatchAsync(store, Pipelines, Leaf("Amount", "equal", Text("${EMPTY}"))));
    }

    [Fact]
    public async Task Whole_numbers_compare_as_numbers()
    {
        var store = await NewOrgAsync();
        var p = Enumerable.Range(0, 4).Select(_ => NewId()).ToArray();
        await SeedAsync(store, s =>
        {
            Insert(s, Products, p[0], ("Product_Name", "Zero"), ("Qty_in_Stock", 0L));
            Insert(s, Products, p[1], ("Product_Name", "Five"), ("Qty_in_Stock", 5L));
            Insert(s, Products, p[2], ("Product_Name", "None"));
            Insert(s, Products, p[3], ("Product_Name", "Forty"), ("Qty_in_Stock", 40L));
        });

        Assert.Equal([p[0]], await MatchAsync(store, Products, Leaf("Qty_in_Stock", "equal", "0")));
        Assert.Equal([p[1], p[2], p[3]], await MatchAsync(store, Products, Leaf("Qty_in_Stock", "not_equal", "0")));
        // 40 > 5 as numbers, though "40" < "5" as text.
        Assert.Equal([p[3]], await MatchAsync(store, Products, Leaf("Qty_in_Stock", "greater_than", "5")));
        Assert.Equal([p[0], p[1]], await MatchAsync(store, Products, Leaf("Qty_in_Stock", "less_equal", "5")));
        Assert.Equal([p[0], p[3]], await MatchAsync(store, Products, Leaf("Qty_in_Stock", "in", "[0,40]")));
        Assert.Equal([p[1]], await MatchAsync(store, Products, Leaf("id", "equal", Id(p[1]))));
    }

    [Fact]
    public async Task Groups_nest_and_and_or()
    {
        var store = await NewOrgAsync();
        var d = await SeedAsync(store);

        var nested = $$"""
            {"group_operator":"and","group":[
              {{Leaf("Last_Name", "starts_with", Text("b"))}},
              {"group_operator":"or","group":[
                {{Leaf("Mailing_City", "equal", Text("paris"))}},
                {{Leaf("Date_of_Birth", "less_than", Text("1986-01-01"))}}]}]}
            """;
        var either = $$"""{"group_operator":"OR","group":[{{Leaf("Last_Name", "equal", Text("smith"))}},{{Leaf("Owner", "equal", Id(d.U2))}}]}""";
        var single = $$"""{"group_operator":"and","group":[{{Leaf("Email_Opt_Out", "equal", "true")}}]}""";
        var none = $$"""{"group_operator":"and","group":[{{Leaf("Last_Name", "equal", Text("smith"))}},{{Leaf("Owner", "equal", Id(d.U2))}}]}""";

        Assert.Equal([d.C1, d.C2], await MatchAsync(store, Contacts, nested));
        Assert.Equal([d.C2, d.C3, d.C5], await MatchAsync(store, Contacts, either));
        Assert.Equal([d.C1, d.C5], await MatchAsync(store, Contacts, single));
        Assert.Empty(await MatchAsync(store, Contacts, none));
    }

    private static string Id(long id) => $"\"{id.ToString(CultureInfo.InvariantCulture)}\"";
}
