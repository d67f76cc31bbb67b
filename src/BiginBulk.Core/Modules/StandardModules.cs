namespace BiginBulk.Core.Modules;

/// <summary>
/// The seven Bigin modules with their standard fields (API names, types, lengths, mandatory and unique
/// flags) as Bigin's fields metadata reports them; see docs/zoho-contract.md §5.
/// </summary>
public static class StandardModules
{
    public static ModuleDefinition Contacts { get; } = new(
        "Contacts", "Contact", "Contacts", displayField: "Full_Name", scopeToken: "contacts", id: 5_725_767_000_000_002_179,
        [
            .. SystemFields.For("Contact"),
            Text("First_Name", "First Name", 40),
            Text("Last_Name", "Last Name", 80, mandatory: true),
            new FieldDefinition { ApiName = "Full_Name", Label = "Full Name", Type = FieldType.Text, Length = 120, ReadOnly = true },
            Lookup("Account_Name", "Company Name", "Accounts"),
            new FieldDefinition { ApiName = "Email", Label = "Email", Type = FieldType.Email, Length = 100, Unique = true },
            Text("Title", "Title", 100),
            Typed("Phone", "Phone", FieldType.Phone, 50),
            Typed("Mobile", "Mobile", FieldType.Phone, 30),
            Typed("Home_Phone", "Home Phone", FieldType.Phone, 30),
            Text("Mailing_Street", "Mailing Street", 250),
            Text("Mailing_City", "Mailing City", 100),
            Text("Mailing_State", "Mailing State", 100),
            Text("Mailing_Zip", "Mailing Zip", 30),
            Text("Mailing_Country", "Mailing Country", 100),
            Typed("Description", "Description", FieldType.TextArea, 32000),
            Typed("Email_Opt_Out", "Email Opt Out", FieldType.Boolean, 0),
            Picklist("Lead_Source", "Source", ["Advertisement", "Cold Call", "Employee Referral", "External Referral", "Online Store", "Partner", "Public Relations", "Sales Email Alias", "Seminar Partner", "Trade Show", "Web Download", "Web Research", "Chat"]),
            Typed("Date_of_Birth", "Date of Birth", FieldType.Date, 0),
        ]);

    public static ModuleDefinition Accounts { get; } = new(
        "Accounts", "Company", "Companies", displayField: "Account_Name", scopeToken: "accounts", id: 5_725_767_000_000_002_177,
        [
            .. SystemFields.For("Company"),
            Text("Account_Name", "Company Name", 200, mandatory: true),
            Typed("Phone", "Phone", FieldType.Phone, 30),
            Typed("Website", "Website", FieldType.Website, 255),
            Text("Billing_Street", "Billing Street", 250),
            Text("Billing_City", "Billing City", 100),
            Text("Billing_State", "Billing State", 100),
            Text("Billing_Code", "Billing Code", 30),
            Text("Billing_Country", "Billing Country", 100),
            Typed("Description", "Description", FieldType.TextArea, 32000),
        ]);

    public static ModuleDefinition Pipelines { get; } = new(
        "Pipelines", "Deal", "Pipelines", displayField: "Deal_Name", scopeToken: "deals", id: 5_725_767_000_000_002_181,
        [
            .. SystemFields.For("Deal"),
            Text("Deal_Name", "Deal Name", 120, mandatory: true),
            Picklist("Sub_Pipeline", "Sub-Pipeline", ["Sales Pipeline Standard", "Partner Pipeline"], mandatory: true),
            Picklist("Stage", "Stage", ["Qualification", "Needs Analysis", "Proposal/Price Quote", "Negotiation/Review", "Closed Won", "Closed Lost"], mandatory: true),
            Lookup("Account_Name", "Company Name", "Accounts"),
            Lookup("Contact_Name", "Contact Name", "Contacts"),
            new FieldDefinition { ApiName = "Amount", Label = "Amount", Type = FieldType.Currency, Length = 16, DecimalPlaces = 2 },
            Typed("Closing_Date", "Closing Date", FieldType.Date, 0),
            new FieldDefinition { ApiName = "Probability", Label = "Probability (%)", Type = FieldType.Percent, Length = 3, DecimalPlaces = 0 },
            Typed("Description", "Description", FieldType.TextArea, 32000),
        ],
        aliases: ["Deals"]);

    public static ModuleDefinition Products { get; } = new(
        "Products", "Product", "Products", displayField: "Product_Name", scopeToken: "products", id: 5_725_767_000_000_002_183,
        [
            .. SystemFields.For("Product"),
            new FieldDefinition { ApiName = "Product_Name", Label = "Product Name", Type = FieldType.Text, Length = 200, Mandatory = true, Unique = true },
            Text("Product_Code", "Product Code", 40),
            new FieldDefinition { ApiName = "Unit_Price", Label = "Unit Price", Type = FieldType.Currency, Length = 16, DecimalPlaces = 2 },
            Typed("Product_Active", "Product Active", FieldType.Boolean, 0),
            Picklist("Product_Category", "Product Category", ["Hardware", "Software", "CRM Applications", "Services"]),
            Typed("Qty_in_Stock", "Quantity in Stock", FieldType.Integer, 9),
            Typed("Description", "Description", FieldType.TextArea, 32000),
        ]);

    public static ModuleDefinition Tasks { get; } = new(
        "Tasks", "Task", "Tasks", displayField: "Subject", scopeToken: "tasks", id: 5_725_767_000_000_002_185,
        [
            .. SystemFields.For("Task"),
            Text("Subject", "Subject", 255, mandatory: true),
            Typed("Due_Date", "Due Date", FieldType.Date, 0),
            Picklist("Status", "Status", ["Not Started", "In Progress", "Completed", "Waiting on someone else", "Deferred"]),
            Picklist("Priority", "Priority", ["High", "Normal", "Low"]),
            Lookup("Contact_Name", "Contact Name", "Contacts"),
            Typed("Description", "Description", FieldType.TextArea, 32000),
        ]);

    public static ModuleDefinition Events { get; } = new(
        "Events", "Event", "Events", displayField: "Event_Title", scopeToken: "events", id: 5_725_767_000_000_002_187,
        [
            .. SystemFields.For("Event"),
            Text("Event_Title", "Title", 255, mandatory: true),
            Typed("Start_DateTime", "From", FieldType.DateTime, 0, mandatory: true),
            Typed("End_DateTime", "To", FieldType.DateTime, 0, mandatory: true),
            Typed("All_day", "All day", FieldType.Boolean, 0),
            Text("Venue", "Location", 255),
            Lookup("Contact_Name", "Contact Name", "Contacts"),
            Typed("Description", "Description", FieldType.TextArea, 32000),
        ]);

    public static ModuleDefinition Calls { get; } = new(
        "Calls", "Call", "Calls", displayField: "Subject", scopeToken: "calls", id: 5_725_767_000_000_002_189,
        [
            .. SystemFields.For("Call"),
            Text("Subject", "Subject", 255),
            Picklist("Call_Type", "Call Type", ["Outbound", "Inbound", "Missed"], mandatory: true),
            Typed("Call_Start_Time", "Call Start Time", FieldType.DateTime, 0, mandatory: true),
            Text("Call_Duration", "Call Duration", 10, mandatory: true),
            Lookup("Contact_Name", "Contact Name", "Contacts"),
            Text("Call_Agenda", "Call Agenda", 255),
            Typed("Dialled_Number", "Dialled Number", FieldType.Phone, 30),
            Typed("Description", "Description", FieldType.TextArea, 32000),
        ]);

    /// <summary>All seven, in the order Bigin's modules metadata lists them.</summary>
    public static IReadOnlyList<ModuleDefinition> All { get; } = [Contacts, Accounts, Pipelines, Products, Tasks, Events, Calls];

    /// <summary>Finds a module by API name or alias (<c>Deals</c> → Pipelines), case-insensitively.</summary>
    public static ModuleDefinition? Find(string name) => All.FirstOrDefault(m => m.IsNamed(name));

    private static FieldDefinition Text(string apiName, string label, int length, bool mandatory = false) =>
        new() { ApiName = apiName, Label = label, Type = FieldType.Text, Length = length, Mandatory = mandatory };

    private static FieldDefinition Typed(string apiName, string label, FieldType type, int length, bool mandatory = false) =>
        new() { ApiName = apiName, Label = label, Type = type, Length = length, Mandatory = mandatory };

    private static FieldDefinition Lookup(string apiName, string label, string module) =>
        new() { ApiName = apiName, Label = label, Type = FieldType.Lookup, Length = 120, LookupModule = module };

    private static FieldDefinition Picklist(string apiName, string label, IReadOnlyList<string> values, bool mandatory = false) =>
        new() { ApiName = apiName, Label = label, Type = FieldType.Picklist, Length = 120, PicklistValues = values, Mandatory = mandatory };
}
