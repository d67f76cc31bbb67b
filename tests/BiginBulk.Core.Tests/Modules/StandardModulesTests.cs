using BiginBulk.Core.Modules;

namespace BiginBulk.Core.Tests.Modules;

public sealed class StandardModulesTests
{
    [Theory]
    [InlineData("Deals", "Pipelines")]
    [InlineData("pipelines", "Pipelines")]
    [InlineData("Contacts", "Contacts")]
    public void Find_accepts_api_names_and_aliases(string name, string expected) =>
        Assert.Equal(expected, StandardModules.Find(name)?.ApiName);

    [Fact]
    public void Find_returns_null_for_unknown_module() => Assert.Null(StandardModules.Find("Leads"));

    [Fact]
    public void Contacts_require_last_name_and_keep_email_unique()
    {
        var contacts = StandardModules.Contacts;
        Assert.Equal(["Last_Name"], contacts.MandatoryFields.Select(f => f.ApiName));
        Assert.Contains(contacts.UniqueFields, f => f.ApiName == "Email");
    }

    [Fact]
    public void Every_module_has_the_system_fields()
    {
        foreach (var module in StandardModules.All)
        {
            foreach (var name in new[] { "id", "Owner", "Created_By", "Modified_By", "Created_Time", "Modified_Time" })
            {
                Assert.NotNull(module.FindField(name));
            }
        }
    }
}
