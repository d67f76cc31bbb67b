namespace BiginBulk.Client.Tests.Wire;

public sealed class ResultParsingTests
{
    [Fact]
    public void An_errors_cell_splits_into_codes_and_columns()
    {
        var errors = BulkWriteRowError.Parse("MANDATORY_NOT_FOUND-Last_Name:INVALID_DATA-Phone,Email:LIMIT_EXCEEDED");

        Assert.Equal(
            [new("MANDATORY_NOT_FOUND", "Last_Name"), new("INVALID_DATA", "Phone"), new("INVALID_DATA", "Email"), new BulkWriteRowError("LIMIT_EXCEEDED", null)],
            errors);
        Assert.Equal("MANDATORY_NOT_FOUND-Last_Name:INVALID_DATA-Phone,Email:LIMIT_EXCEEDED",
            new BulkWriteResultRow(1, BulkWriteRowStatus.Skipped, null, errors).ErrorsText);
        Assert.Empty(BulkWriteRowError.Parse(""));
    }
}
