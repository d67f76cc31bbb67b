using BiginBulk.Core.Csv;

namespace BiginBulk.Core.Tests.Csv;

public sealed class CsvDelimiterDetectorTests
{
    [Theory]
    [InlineData("Last_Name,Email,Phone\n", ',')]
    [InlineData("Last_Name;Email;Phone\n", ';')]
    [InlineData("Last_Name:Email:Phone\n", ':')]
    [InlineData("Last_Name|Email|Phone\n", '|')]
    public void The_delimiter_is_the_candidate_used_most_in_the_header(string header, char expected) =>
        Assert.Equal(expected, CsvDelimiterDetector.Detect(header));

    [Fact]
    public void Delimiters_inside_quotes_do_not_count() =>
        Assert.Equal(';', CsvDelimiterDetector.Detect("\"Name, first\";\"Name, last\";\"a,b,c\"\n"));

    [Fact]
    public void Only_the_header_row_is_looked_at() =>
        Assert.Equal(';', CsvDelimiterDetector.Detect("Last_Name;Email\n1,2,3,4,5,6\n"));

    [Fact]
    public void Leading_blank_lines_are_skipped() =>
        Assert.Equal('|', CsvDelimiterDetector.Detect("\r\n\r\nLast_Name|Email\r\n"));

    [Fact]
    public void A_single_column_header_means_comma() =>
        Assert.Equal(',', CsvDelimiterDetector.Detect("Last_Name\nBoyle\n"));

    [Fact]
    public void A_quoted_header_spanning_lines_is_one_row() =>
        Assert.Equal(';', CsvDelimiterDetector.Detect("\"Last\nName\";Email\n1,2,3,4\n"));
}
