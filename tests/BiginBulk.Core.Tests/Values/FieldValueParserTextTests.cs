using BiginBulk.Core.Modules;
using BiginBulk.Core.Values;

namespace BiginBulk.Core.Tests.Values;

public sealed class FieldValueParserTextTests
{
    private readonly FieldValueParser _parser = new();

    [Theory]
    [InlineData("a\0b")]
    [InlineData("\0")]
    [InlineData("12\0")]
    public void A_nul_character_is_invalid_data_for_every_type(string raw)
    {
        foreach (var type in Enum.GetValues<FieldType>())
        {
            var parsed = _parser.Parse(TestFields.Of(type, 10, 2, "A"), raw);
            Assert.False(parsed.IsValid, $"{type} accepted a NUL");
            Assert.Equal("INVALID_DATA", parsed.ErrorCode);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t")]
    public void Blank_cells_are_empty_and_valid_for_every_type(string raw)
    {
        foreach (var type in Enum.GetValues<FieldType>())
        {
            var parsed = _parser.Parse(TestFields.Of(type, 10, 2, "A"), raw);
            Assert.True(parsed.IsValid, type.ToString());
            Assert.True(parsed.IsEmpty, type.ToString());
            Assert.Null(parsed.Value);
            Assert.Null(parsed.ErrorCode);
        }
    }

    [Fact]
    public void Text_is_trimmed_but_keeps_inner_whitespace()
    {
        var parsed = _parser.Parse(TestFields.Of(FieldType.Text, 40), "  Mary  Ann \t");
        Assert.Equal("Mary  Ann", parsed.Value);
    }

    [Fact]
    public void Text_area_keeps_surrounding_whitespace()
    {
        var parsed = _parser.Parse(TestFields.Of(FieldType.TextArea, 100), "  line one\n  line two\n");
        Assert.Equal("  line one\n  line two\n", parsed.Value);
    }

    [Fact]
    public void Text_at_the_length_limit_is_accepted()
    {
        var lastName = StandardModules.Contacts.FindField("Last_Name")!;
        Assert.Equal(new string('x', 80), _parser.Parse(lastName, new string('x', 80)).Value);
    }

    [Fact]
    public void Text_over_the_length_limit_is_invalid_data()
    {
        var lastName = StandardModules.Contacts.FindField("Last_Name")!;
        var parsed = _parser.Parse(lastName, new string('x', 81));
        Assert.False(parsed.IsValid);
        Assert.Equal("INVALID_DATA", parsed.ErrorCode);
        Assert.Contains("81", parsed.Detail, StringComparison.Ordinal);
        Assert.Contains("80", parsed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Length_is_counted_after_trimming()
    {
        Assert.True(_parser.Parse(TestFields.Of(FieldType.Text, 3), "  abc  ").IsValid);
    }

    [Fact]
    public void Length_counts_utf16_code_units_like_java()
    {
        var field = TestFields.Of(FieldType.Text, 3);
        Assert.True(_parser.Parse(field, "a\U0001F600").IsValid);
        Assert.False(_parser.Parse(field, "ab\U0001F600").IsValid);
    }

    [Theory]
    [InlineData("mary@example.com")]
    [InlineData("mary.ann+crm@mail.example.co.uk")]
    [InlineData("o'brien@example.ie")]
    [InlineData("MARY@EXAMPLE.COM")]
    [InlineData("jörg@bücher.de")]
    public void Valid_emails_are_kept_as_written(string raw)
    {
        var parsed = _parser.Parse(TestFields.Of(FieldType.Email, 100), raw);
        Assert.True(parsed.IsValid, parsed.Detail);
        Assert.Equal(raw, parsed.Value);
    }

    [Theory]
    [InlineData("mary")]
    [InlineData("mary@")]
    [InlineData("@example.com")]
    [InlineData("mary@example")]
    [InlineData("mary@example.c")]
    [InlineData("mary ann@example.com")]
    [InlineData("mary@@example.com")]
    [InlineData("mary..ann@example.com")]
    [InlineData(".mary@example.com")]
    [InlineData("mary@-example.com")]
    [InlineData("mary@example..com")]
    [InlineData("mary@example.com.")]
    public void Malformed_emails_are_invalid_data(string raw)
    {
        var parsed = _parser.Parse(TestFields.Of(FieldType.Email, 100), raw);
        Assert.Equal("INVALID_DATA", parsed.ErrorCode);
        Assert.Contains("email", parsed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Email_over_the_field_length_is_invalid_data()
    {
        var email = StandardModules.Contacts.FindField("Email")!;
        var raw = new string('a', 90) + "@example.com";
        Assert.Equal("INVALID_DATA", _parser.Parse(email, raw).ErrorCode);
    }

    [Theory]
    [InlineData("+1 (555) 010-9999")]
    [InlineData("555.010.9999")]
    [InlineData("5550109999")]
    [InlineData("+44 20 7946 0958 x123")]
    [InlineData("555-0109 ext. 42")]
    [InlineData("555-0109 EXT 42")]
    [InlineData("555-0109 extension 42")]
    public void Valid_phone_numbers_are_kept_as_written(string raw)
    {
        var parsed = _parser.Parse(TestFields.Of(FieldType.Phone, 50), raw);
        Assert.True(parsed.IsValid, parsed.Detail);
        Assert.Equal(raw, parsed.Value);
    }

    [Theory]
    [InlineData("call me")]
    [InlineData("(--)")]
    [InlineData("555+0109")]
    [InlineData("555-0109 x")]
    [InlineData("x123")]
    [InlineData("555_0109")]
    public void Malformed_phone_numbers_are_invalid_data(string raw) =>
        Assert.Equal("INVALID_DATA", _parser.Parse(TestFields.Of(FieldType.Phone, 50), raw).ErrorCode);

    [Fact]
    public void Phone_over_the_field_length_is_invalid_data()
    {
        var mobile = StandardModules.Contacts.FindField("Mobile")!;
        Assert.True(_parser.Parse(mobile, new string('5', 30)).IsValid);
        Assert.Equal("INVALID_DATA", _parser.Parse(mobile, new string('5', 31)).ErrorCode);
    }

    [Theory]
    [InlineData("https://www.example.com")]
    [InlineData("http://example.com/path?q=1#top")]
    [InlineData("HTTPS://EXAMPLE.COM")]
    [InlineData("www.example.com")]
    [InlineData("example.co.uk/about")]
    [InlineData("http://192.168.0.10:8080/")]
    public void Valid_websites_are_kept_as_written(string raw)
    {
        var parsed = _parser.Parse(TestFields.Of(FieldType.Website, 255), raw);
        Assert.True(parsed.IsValid, parsed.Detail);
        Assert.Equal(raw, parsed.Value);
    }

    [Theory]
    [InlineData("ftp://example.com")]
    [InlineData("javascript:alert(1)")]
    [InlineData("mailto:mary@example.com")]
    [InlineData("example")]
    [InlineData("http://localhost")]
    [InlineData("www.exa mple.com")]
    [InlineData("http://user:pass@example.com")]
    public void Other_schemes_and_non_addresses_are_invalid_data(string raw) =>
        Assert.Equal("INVALID_DATA", _parser.Parse(TestFields.Of(FieldType.Website, 255), raw).ErrorCode);

    [Theory]
    [InlineData("trade show", "Trade Show")]
    [InlineData("TRADE SHOW", "Trade Show")]
    [InlineData("  Chat ", "Chat")]
    public void Picklist_values_match_case_insensitively_and_come_back_canonical(string raw, string expected)
    {
        var leadSource = StandardModules.Contacts.FindField("Lead_Source")!;
        Assert.Equal(expected, _parser.Parse(leadSource, raw).Value);
    }

    [Fact]
    public void A_value_not_in_the_picklist_is_invalid_data()
    {
        var leadSource = StandardModules.Contacts.FindField("Lead_Source")!;
        var parsed = _parser.Parse(leadSource, "Carrier Pigeon");
        Assert.Equal("INVALID_DATA", parsed.ErrorCode);
        Assert.Contains("'Carrier Pigeon'", parsed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Multi_select_values_are_canonical_deduplicated_and_in_input_order()
    {
        var field = TestFields.Of(FieldType.MultiSelectPicklist, 0, 0, "Red", "Green", "Blue");
        var parsed = _parser.Parse(field, "blue; RED ;Blue;red;");
        Assert.Equal(new[] { "Blue", "Red" }, Assert.IsType<string[]>(parsed.Value));
    }

    [Fact]
    public void Multi_select_with_one_unknown_value_is_invalid_data()
    {
        var field = TestFields.Of(FieldType.MultiSelectPicklist, 0, 0, "Red", "Green", "Blue");
        var parsed = _parser.Parse(field, "Red;Purple");
        Assert.Equal("INVALID_DATA", parsed.ErrorCode);
        Assert.Contains("'Purple'", parsed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Multi_select_of_only_separators_is_empty()
    {
        var field = TestFields.Of(FieldType.MultiSelectPicklist, 0, 0, "Red");
        Assert.True(_parser.Parse(field, " ; ;").IsEmpty);
    }

    [Fact]
    public void Multi_select_longer_than_the_field_once_joined_is_invalid_data()
    {
        var field = TestFields.Of(FieldType.MultiSelectPicklist, 8, 0, "Red", "Green", "Blue");
        Assert.True(_parser.Parse(field, "Red;Blue").IsValid);
        Assert.Equal("INVALID_DATA", _parser.Parse(field, "Red;Green").ErrorCode);
    }

    [Fact]
    public void Long_values_are_shortened_in_the_detail()
    {
        var parsed = _parser.Parse(TestFields.Of(FieldType.Email, 1000), new string('x', 500));
        Assert.True(parsed.Detail!.Length < 120, parsed.Detail);
    }
}
