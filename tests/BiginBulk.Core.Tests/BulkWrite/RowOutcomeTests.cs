using BiginBulk.Core.BulkWrite;
using BiginBulk.Core.Values;

namespace BiginBulk.Core.Tests.BulkWrite;

public sealed class RowOutcomeTests
{
    [Fact]
    public void Errors_group_columns_under_the_first_occurrence_of_each_code()
    {
        var outcome = RowOutcome.Skipped(
            4,
            new RowError(RowError.MandatoryNotFound, "Company"),
            new RowError(RowError.DuplicateData, "Email"),
            new RowError(RowError.MandatoryNotFound, "Last_Name"));

        Assert.Equal("MANDATORY_NOT_FOUND-Company,Last_Name:DUPLICATE_DATA-Email", outcome.FormatErrors());
    }

    [Fact]
    public void The_documented_example_formats_exactly()
    {
        RowError[] errors =
        [
            new(RowError.MandatoryNotFound, "Company"),
            new(RowError.MandatoryNotFound, "Last_Name"),
            new(RowError.DuplicateData, "Email"),
        ];
        Assert.Equal("MANDATORY_NOT_FOUND-Company,Last_Name:DUPLICATE_DATA-Email", RowOutcome.FormatErrors(errors));
    }

    [Fact]
    public void A_repeated_code_and_column_appears_once() =>
        Assert.Equal(
            "INVALID_DATA-Email",
            RowOutcome.FormatErrors([new(RowError.InvalidData, "Email", "one"), new(RowError.InvalidData, "Email", "two")]));

    [Fact]
    public void A_row_level_error_is_the_bare_code() =>
        Assert.Equal(
            "LIMIT_EXCEEDED:INVALID_DATA-Phone",
            RowOutcome.FormatErrors([new(RowError.LimitExceeded, ""), new(RowError.InvalidData, "Phone")]));

    [Fact]
    public void No_errors_format_as_an_empty_cell() => Assert.Equal("", RowOutcome.Added(1, 42).FormatErrors());

    [Fact]
    public void Parse_errors_reads_the_documented_example()
    {
        var errors = RowOutcome.ParseErrors("MANDATORY_NOT_FOUND-Company,Last_Name:DUPLICATE_DATA-Email");
        Assert.Equal(
            [new("MANDATORY_NOT_FOUND", "Company"), new("MANDATORY_NOT_FOUND", "Last_Name"), new RowError("DUPLICATE_DATA", "Email")],
            errors);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("CANNOT_PROCESS", 1)]
    [InlineData("CANNOT_PROCESS-", 1)]
    [InlineData("INVALID_DATA-Account_Name.id", 1)]
    [InlineData("INVALID_DATA-Mailing-Street", 1)]
    [InlineData("INVALID_DATA-A,B,C:DUPLICATE_DATA-D", 4)]
    public void Parse_errors_handles_bare_codes_and_dashes_in_columns(string cell, int count)
    {
        var errors = RowOutcome.ParseErrors(cell);
        Assert.Equal(count, errors.Count);
        Assert.Equal(cell.TrimEnd('-'), RowOutcome.FormatErrors(errors));
    }

    [Fact]
    public void Parse_errors_keeps_dashes_inside_column_names() =>
        Assert.Equal("Mailing-Street", Assert.Single(RowOutcome.ParseErrors("INVALID_DATA-Mailing-Street")).Column);

    [Theory]
    [InlineData("-Email")]
    [InlineData("INVALID_DATA-Email:-Phone")]
    public void Parse_errors_rejects_entries_without_a_code(string cell) =>
        Assert.Throws<FormatException>(() => RowOutcome.ParseErrors(cell));

    [Theory]
    [InlineData("")]
    [InlineData("BAD-CODE")]
    [InlineData("BAD:CODE")]
    [InlineData("BAD,CODE")]
    public void Codes_that_would_break_the_errors_cell_are_rejected(string code) =>
        Assert.ThrowsAny<ArgumentException>(() => new RowError(code, "Email"));

    [Theory]
    [InlineData(RowStatus.Added, "ADDED")]
    [InlineData(RowStatus.Updated, "UPDATED")]
    [InlineData(RowStatus.Skipped, "SKIPPED")]
    [InlineData(RowStatus.Unprocessed, "UNPROCESSED")]
    public void Statuses_have_zoho_wire_names(RowStatus status, string wire)
    {
        Assert.Equal(wire, RowOutcome.ToWireName(status));
        Assert.True(RowOutcome.TryParseStatus(wire.ToLowerInvariant(), out var parsed));
        Assert.Equal(status, parsed);
        Assert.Equal($"\"{wire}\"", System.Text.Json.JsonSerializer.Serialize(status, JsonOptions));
    }

    [Fact]
    public void Unknown_status_names_do_not_parse() => Assert.False(RowOutcome.TryParseStatus("FAILED", out _));

    [Fact]
    public void Added_and_updated_rows_need_a_record_id()
    {
        Assert.Throws<ArgumentException>(() => new RowOutcome(1, RowStatus.Added));
        Assert.Throws<ArgumentException>(() => new RowOutcome(1, RowStatus.Updated));
        Assert.Null(new RowOutcome(1, RowStatus.Skipped).RecordId);
    }

    [Fact]
    public void Row_numbers_start_at_one() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RowOutcome.Unprocessed(0));

    [Fact]
    public void A_rejected_cell_becomes_an_invalid_data_error_with_its_detail()
    {
        var error = RowError.FromParsedValue("Email", ParsedValue.Invalid("expected an email address, got 'x'"));
        Assert.Equal(new RowError("INVALID_DATA", "Email", "expected an email address, got 'x'"), error);
        Assert.Throws<ArgumentException>(() => RowError.FromParsedValue("Email", ParsedValue.Empty));
    }

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new()
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
