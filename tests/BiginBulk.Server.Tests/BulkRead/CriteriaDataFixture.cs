using BiginBulk.Server.Tests.Infrastructure;

namespace BiginBulk.Server.Tests.BulkRead;

/// <summary>
/// A server holding a small, hand-made data set in every module the comparator tests filter, with empty
/// values in every kind of field. Records are named so a test can state what it expects by name.
/// </summary>
public sealed class CriteriaDataFixture : IAsyncLifetime
{
    public ServerProcess Server { get; private set; } = null!;

    public BiginClient Client { get; private set; } = null!;

    /// <summary>Placeholders a test's criteria may use: {A1}…{A3} (account ids), {U} (the owner's user id).</summary>
    public Dictionary<string, string> Ids { get; } = new(StringComparer.Ordinal);

    public async ValueTask InitializeAsync()
    {
        Server = await ServerProcess.StartAsync();
        Client = new BiginClient(Server);
        var accounts = await Client.InsertAsync("Accounts", """
            Account_Name,Phone,Website
            Acme Corp,555-0100,https://acme.example
            Globex,212-0000,
            Initech,,
            """ + "\n");
        Ids["{A1}"] = accounts[0];
        Ids["{A2}"] = accounts[1];
        Ids["{A3}"] = accounts[2];
        Ids["{U}"] = Server.Credentials.UserId;

        await Client.InsertAsync("Contacts", $"""
            Last_Name,First_Name,Email,Phone,Account_Name,Email_Opt_Out,Lead_Source,Date_of_Birth,Mailing_City
            Smith,Anna,anna@acme.example,555-1234,{accounts[0]},true,Trade Show,1980-05-17,Paris
            smithers,Bob,bob@globex.example,,{accounts[1]},false,Partner,1992-11-02,PARIS
            Jones,Cara,,555-9999,,,,,Berlin
            O'Brien,Dan,dan@initech.example,212-5555,{accounts[2]},false,Web Research,1980-05-17,
            """ + "\n");
        await Client.InsertAsync("Products", """
            Product_Name,Product_Code,Unit_Price,Product_Active,Product_Category,Qty_in_Stock
            Alpha,A1,10.5,true,Hardware,5
            Beta,B2,20,false,Software,0
            Gamma,,99.99,,Services,
            Delta,D4,,true,,100
            """ + "\n");
        await Client.InsertAsync("Pipelines", $"""
            Deal_Name,Sub_Pipeline,Stage,Amount,Closing_Date,Probability,Account_Name
            Deal1,Sales Pipeline Standard,Qualification,1000,2024-01-15,10,{accounts[0]}
            Deal2,Sales Pipeline Standard,Closed Won,2500.75,2024-06-30,100,{accounts[1]}
            Deal3,Partner Pipeline,Negotiation/Review,,,,
            Deal4,Sales Pipeline Standard,Closed Lost,0,2023-12-31,0,{accounts[0]}
            """ + "\n");
        await Client.InsertAsync("Tasks", """
            Subject,Due_Date,Status,Priority
            T1,2024-03-01,Not Started,High
            T2,2024-03-15,Completed,Low
            T3,,In Progress,
            """ + "\n");
        await Client.InsertAsync("Events", """
            Event_Title,Start_DateTime,End_DateTime,All_day,Venue,Description
            E1,2024-05-01T10:00:00+00:00,2024-05-01T11:00:00+00:00,false,Room 1,Kick-off
            E2,2024-05-01T22:30:00-05:00,2024-05-01T23:30:00-05:00,false,,
            E3,2024-05-03T00:00:00+00:00,2024-05-03T00:00:00+00:00,true,Hall,All hands
            """ + "\n");
    }

    public string Resolve(string criteria)
    {
        foreach (var (placeholder, id) in Ids)
        {
            criteria = criteria.Replace(placeholder, id, StringComparison.Ordinal);
        }

        return criteria;
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
