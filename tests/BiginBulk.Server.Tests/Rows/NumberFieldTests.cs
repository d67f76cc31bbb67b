using System.Text.Json;
using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Rows;

public sealed class NumberFieldTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private BiginClient Client => fixture.Client;

    [Fact]
    public async Task Integers_are_stored_as_numbers_and_fractions_words_and_too_many_digits_are_invalid()
    {
        var tag = WriteJobs.NewTag();
        var run = await Client.WriteAsync(
            $"Product_Name,Qty_in_Stock\n{tag}-1,42\n{tag}-2,-3\n{tag}-3,4.5\n{tag}-4,many\n{tag}-5,1234567890\n{tag}-6,999999999\n",
            module: "Products");

        run.AssertCounts(added: 3, updated: 0, skipped: 3);
        var p1 = await Client.GetRecordAsync("Products", run.AssertRow(0, "ADDED"));
        Assert.Equal(JsonValueKind.Number, p1["Qty_in_Stock"]!.GetValueKind());
        Assert.Equal(42, p1["Qty_in_Stock"]!.GetValue<long>());
        Assert.Equal(-3, (await Client.GetRecordAsync("Products", run.AssertRow(1, "ADDED")))["Qty_in_Stock"]!.GetValue<long>());
        run.AssertRow(2, "SKIPPED", "INVALID_DATA-Qty_in_Stock");
        run.AssertRow(3, "SKIPPED", "INVALID_DATA-Qty_in_Stock");
        run.AssertRow(4, "SKIPPED", "INVALID_DATA-Qty_in_Stock");
        Assert.Equal(999_999_999, (await Client.GetRecordAsync("Products", run.AssertRow(5, "ADDED")))["Qty_in_Stock"]!.GetValue<long>());
    }

    [Fact]
    public async Task Unit_price_is_a_currency_rounded_to_two_places()
    {
        var tag = WriteJobs.NewTag();
        var run = await Client.WriteAsync(
            $"Product_Name,Unit_Price\n{tag}-1,1234.56\n{tag}-2,10\n{tag}-3,19.999\n{tag}-4,\"1,000\"\n{tag}-5,$5\n{tag}-6,ten\n{tag}-7,-0.5\n",
            module: "Products");

        run.AssertCounts(added: 4, updated: 0, skipped: 3);
        Assert.Equal(1234.56m, (await Client.GetRecordAsync("Products", run.AssertRow(0, "ADDED")))["Unit_Price"]!.GetValue<decimal>());
        Assert.Equal(10m, (await Client.GetRecordAsync("Products", run.AssertRow(1, "ADDED")))["Unit_Price"]!.GetValue<decimal>());
        Assert.Equal(20m, (await Client.GetRecordAsync("Products", run.AssertRow(2, "ADDED")))["Unit_Price"]!.GetValue<decimal>());
        run.AssertRow(3, "SKIPPED", "INVALID_DATA-Unit_Price");
        run.AssertRow(4, "SKIPPED", "INVALID_DATA-Unit_Price");
        run.AssertRow(5, "SKIPPED", "INVALID_DATA-Unit_Price");
        Assert.Equal(-0.5m, (await Client.GetRecordAsync("Products", run.AssertRow(6, "ADDED")))["Unit_Price"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Deal_amount_and_probability_are_stored_as_numbers()
    {
        var tag = WriteJobs.NewTag();
        var run = await Client.WriteAsync(
            $"Deal_Name,Sub_Pipeline,Stage,Amount,Probability\n"
            + $"{tag}-1,Sales Pipeline Standard,Qualification,250000.75,75\n"
            + $"{tag}-2,Sales Pipeline Standard,Qualification,lots,10\n"
            + $"{tag}-3,Sales Pipeline Standard,Qualification,10,1000\n"
            + $"{tag}-4,Sales Pipeline Standard,Qualification,10,high\n"
            + $"{tag}-5,Sales Pipeline Standard,Qualification,9999999999999.99,0\n"
            + $"{tag}-6,Sales Pipeline Standard,Qualification,0.1,100\n",
            module: "Pipelines");

        run.AssertCounts(added: 3, updated: 0, skipped: 3);
        var deal = await Client.GetRecordAsync("Pipelines", run.AssertRow(0, "ADDED"));
        Assert.Equal(JsonValueKind.Number, deal["Amount"]!.GetValueKind());
        Assert.Equal(250000.75m, deal["Amount"]!.GetValue<decimal>());
        Assert.Equal(75m, deal["Probability"]!.GetValue<decimal>());
        run.AssertRow(1, "SKIPPED", "INVALID_DATA-Amount");
        run.AssertRow(2, "SKIPPED", "INVALID_DATA-Probability");
        run.AssertRow(3, "SKIPPED", "INVALID_DATA-Probability");

        // Fifteen significant digits and a binary-inexact fraction read back exactly.
        var big = await Client.GetRecordAsync("Pipelines", run.AssertRow(4, "ADDED"));
        Assert.Equal("9999999999999.99", big["Amount"]!.ToJsonString());
        var small = await Client.GetRecordAsync("Pipelines", run.AssertRow(5, "ADDED"));
        Assert.Equal("0.1", small["Amount"]!.ToJsonString());
        Assert.Equal(100m, small["Probability"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Booleans_accept_true_false_one_zero_yes_no_and_reject_anything_else()
    {
        var tag = WriteJobs.NewTag();
        var run = await Client.WriteAsync(
            $"Last_Name,Email_Opt_Out\n{tag}-1,true\n{tag}-2,FALSE\n{tag}-3,1\n{tag}-4,0\n{tag}-5,Yes\n{tag}-6,maybe\n{tag}-7,\n");

        run.AssertCounts(added: 6, updated: 0, skipped: 1);
        bool?[] expected = [true, false, true, false, true];
        for (var i = 0; i < expected.Length; i++)
        {
            var record = await Client.GetRecordAsync("Contacts", run.AssertRow(i, "ADDED"));
            Assert.Equal(expected[i], record["Email_Opt_Out"]!.GetValue<bool>());
        }

        run.AssertRow(5, "SKIPPED", "INVALID_DATA-Email_Opt_Out");
        var empty = await Client.GetRecordAsync("Contacts", run.AssertRow(6, "ADDED"));
        Assert.Null(empty["Email_Opt_Out"]);
    }

    [Fact]
    public async Task Amount_with_sixteen_significant_digits_reads_back_exactly()
    {
        var tag = WriteJobs.NewTag();
        var run = await Client.WriteAsync(
            $"Deal_Name,Sub_Pipeline,Stage,Amount\n{tag},Sales Pipeline Standard,Qualification,99999999999999.99\n",
            module: "Pipelines");

        var deal = await Client.GetRecordAsync("Pipelines", run.AssertRow(0, "ADDED"));
        Assert.Equal("99999999999999.99", deal["Amount"]!.ToJsonString());
    }
}
