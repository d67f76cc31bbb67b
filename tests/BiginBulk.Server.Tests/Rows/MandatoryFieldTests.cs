using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.Rows;

public sealed class MandatoryFieldTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private BiginClient Client => fixture.Client;

    public static TheoryData<string, string, string, string> Modules => new()
    {
        // module, header, a complete row (with {tag} in the first column), the mandatory columns in order
        { "Contacts", "Last_Name,First_Name", "{tag},Ann", "Last_Name" },
        { "Accounts", "Account_Name,Phone", "{tag},555", "Account_Name" },
        { "Products", "Product_Name,Product_Code", "{tag},P1", "Product_Name" },
        { "Tasks", "Subject,Priority", "{tag},High", "Subject" },
        { "Pipelines", "Deal_Name,Sub_Pipeline,Stage", "{tag},Sales Pipeline Standard,Qualification", "Deal_Name,Sub_Pipeline,Stage" },
        { "Events", "Event_Title,Start_DateTime,End_DateTime", "{tag},03/01/2024 10:00:00,03/01/2024 11:00:00", "Event_Title,Start_DateTime,End_DateTime" },
        { "Calls", "Subject,Call_Type,Call_Start_Time,Call_Duration", "{tag},Outbound,03/01/2024 10:00:00,05:00", "Call_Type,Call_Start_Time,Call_Duration" },
    };

    [Theory]
    [MemberData(nameof(Modules))]
    public async Task Each_module_adds_a_complete_row_and_skips_rows_missing_a_mandatory_value(string module, string header, string complete, string mandatory)
    {
        var tag = WriteJobs.NewTag();
        var columns = header.Split(',');
        var full = complete.Replace("{tag}", tag, StringComparison.Ordinal).Split(',');
        var required = mandatory.Split(',');
        var lines = new List<string> { string.Join(',', full) };
        // One row per mandatory column with that cell emptied, then one with all of them emptied.
        foreach (var column in required)
        {
            lines.Add(string.Join(',', full.Select((v, i) => columns[i] == column ? "" : v)));
        }

        lines.Add(string.Join(',', full.Select((v, i) => required.Contains(columns[i]) ? "" : v)));

        var run = await Client.WriteAsync(header + "\n" + string.Join('\n', lines) + "\n", module: module);

        run.AssertCounts(added: 1, updated: 0, skipped: required.Length + 1);
        var id = run.AssertRow(0, "ADDED");
        for (var i = 0; i < required.Length; i++)
        {
            run.AssertRow(i + 1, "SKIPPED", $"MANDATORY_NOT_FOUND-{required[i]}");
        }

        run.AssertRow(required.Length + 1, "SKIPPED", $"MANDATORY_NOT_FOUND-{string.Join(',', required)}");
        var record = await Client.GetRecordAsync(module, id);
        Assert.Equal(full[0], record.Text(columns[0]));
    }
}
