using BiginBulk.Core.Modules;
using BiginBulk.Core.Values;

namespace BiginBulk.Core.Tests.Values;

public sealed class FieldValueParserLookupTests
{
    private readonly FieldValueParser _parser = new();

    [Theory]
    [InlineData("5725767000000002179", 5_725_767_000_000_002_179L)]
    [InlineData(" 42 ", 42L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void Lookup_ids_are_positive_int64_digits(string raw, long expected)
    {
        Assert.Equal(expected, FieldValueParser.ParseLookupId(raw).Value);
        Assert.Equal(expected, _parser.Parse(StandardModules.Contacts.FindField("Account_Name")!, raw).Value);
    }

    [Theory]
    [InlineData("Zylker Inc")]
    [InlineData("-42")]
    [InlineData("+42")]
    [InlineData("0")]
    [InlineData("4.2")]
    [InlineData("9223372036854775808")]
    [InlineData("１２３")]
    public void Other_lookup_values_are_invalid_data(string raw)
    {
        var parsed = FieldValueParser.ParseLookupId(raw);
        Assert.Equal("INVALID_DATA", parsed.ErrorCode);
        Assert.Contains("record id", parsed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_lookup_id_is_empty() => Assert.True(FieldValueParser.ParseLookupId("  ").IsEmpty);

    [Fact]
    public void Owners_may_be_given_by_user_id()
    {
        var parsed = _parser.Parse(StandardModules.Contacts.FindField("Owner")!, "5725767000000225013");
        Assert.Equal(OwnerReference.FromId(5_725_767_000_000_225_013), parsed.Value);
    }

    [Fact]
    public void Owners_may_be_given_by_email()
    {
        var owner = (OwnerReference)_parser.Parse(StandardModules.Contacts.FindField("Owner")!, " Patricia@Example.com ").Value!;
        Assert.Equal("Patricia@Example.com", owner.Email);
        Assert.Null(owner.Id);
    }

    [Theory]
    [InlineData("Patricia Boyle")]
    [InlineData("0")]
    [InlineData("99999999999999999999")]
    [InlineData("patricia@")]
    public void Owners_that_are_neither_id_nor_email_are_invalid_data(string raw) =>
        Assert.Equal("INVALID_DATA", _parser.Parse(StandardModules.Contacts.FindField("Owner")!, raw).ErrorCode);
}
