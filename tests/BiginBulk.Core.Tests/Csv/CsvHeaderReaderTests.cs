using System.Text;
using BiginBulk.Core.Csv;

namespace BiginBulk.Core.Tests.Csv;

public sealed class CsvHeaderReaderTests
{
    private static Task<CsvHeader> ReadAsync(string text, string? encoding = null, int maxColumns = CsvHeaderReader.DefaultMaxColumns) =>
        CsvHeaderReader.ReadHeaderAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), encoding, maxColumns, TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_good_header_gives_columns_delimiter_and_encoding()
    {
        var header = await ReadAsync("Last_Name;Email;Account_Name.id\nBoyle;p@example.com;1\n");

        Assert.True(header.IsValid);
        Assert.Equal(["Last_Name", "Email", "Account_Name.id"], header.Columns);
        Assert.Equal((';', "UTF-8"), (header.Delimiter, header.EncodingName));
    }

    [Fact]
    public async Task The_stream_is_left_open_for_the_caller()
    {
        var stream = new MemoryStream("Last_Name\nBoyle\n"u8.ToArray());

        await CsvHeaderReader.ReadHeaderAsync(stream, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(stream.CanRead);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\r\n  \n")]
    public async Task An_empty_file_is_refused(string text)
    {
        var header = await ReadAsync(text);

        Assert.Equal(CsvHeaderProblem.EmptyFile, header.Problem);
        Assert.Equal("The CSV file is empty: it has no header row.", header.Message);
    }

    [Fact]
    public async Task A_first_row_of_bare_delimiters_is_refused_as_no_header()
    {
        var header = await ReadAsync(",,\nBoyle,p@example.com,1\n");

        Assert.Equal(CsvHeaderProblem.NoHeader, header.Problem);
    }

    [Fact]
    public async Task A_duplicate_column_is_refused_by_name_and_position()
    {
        var header = await ReadAsync("Last_Name,Email, Email\n");

        Assert.Equal(CsvHeaderProblem.DuplicateColumn, header.Problem);
        Assert.Equal("The column 'Email' appears twice in the header, in columns 2 and 3.", header.Message);
    }

    [Fact]
    public async Task Unnamed_columns_from_trailing_delimiters_are_allowed()
    {
        var header = await ReadAsync("Last_Name,Email,,\n");

        Assert.True(header.IsValid, header.Message);
        Assert.Equal(["Last_Name", "Email", "", ""], header.Columns);
    }

    [Fact]
    public async Task Two_hundred_columns_pass_and_two_hundred_and_one_are_refused()
    {
        static string Header(int count) => string.Join(',', Enumerable.Range(1, count).Select(i => "Field_" + i)) + "\n";

        var atLimit = await ReadAsync(Header(200));
        var overLimit = await ReadAsync(Header(201));

        Assert.True(atLimit.IsValid, atLimit.Message);
        Assert.Equal(CsvHeaderProblem.TooManyColumns, overLimit.Problem);
        Assert.Equal("The CSV has 201 columns; at most 200 are allowed.", overLimit.Message);
    }

    [Fact]
    public async Task The_column_limit_is_a_parameter()
    {
        var header = await ReadAsync("a,b,c\n", maxColumns: 2);

        Assert.Equal(CsvHeaderProblem.TooManyColumns, header.Problem);
    }

    [Fact]
    public async Task An_unknown_encoding_name_is_refused()
    {
        var header = await ReadAsync("Last_Name\n", "klingon-8");

        Assert.Equal(CsvHeaderProblem.UnknownEncoding, header.Problem);
        Assert.Contains("'klingon-8'", header.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_explicit_encoding_is_reported_by_its_canonical_name()
    {
        var header = await ReadAsync("Last_Name\n", "latin1");

        Assert.Equal("ISO-8859-1", header.EncodingName);
    }

    [Fact]
    public async Task A_header_with_an_unclosed_quote_is_refused()
    {
        var header = await ReadAsync("Last_Name,\"Email\nBoyle,p@example.com\n");

        Assert.Equal(CsvHeaderProblem.NoHeader, header.Problem);
        Assert.Contains("not valid CSV", header.Message, StringComparison.Ordinal);
    }
}
