using System.Text;
using BiginBulk.Core.Csv;
using BiginBulk.Core.Uploads;

namespace BiginBulk.Core.Tests.Uploads;

public sealed class ZipCsvEntryTests
{
    [Fact]
    public async Task Open_returns_the_single_csv_skipping_macos_metadata()
    {
        var zip = TestZips.Build(
            ("__MACOSX/._Contacts.csv", [1, 2, 3]),
            ("Contacts.csv", Encoding.UTF8.GetBytes("Last_Name\nBoyle\n")));

        await using var entry = await ZipCsvEntry.OpenAsync(new MemoryStream(zip), cancellationToken: TestContext.Current.CancellationToken);
        using var text = new StreamReader(entry.Stream);

        Assert.Equal("Contacts.csv", entry.Name);
        Assert.Equal("Last_Name\nBoyle\n", await text.ReadToEndAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Open_refuses_a_zip_the_inspector_would_refuse()
    {
        var zip = TestZips.Build(("a.csv", [65]), ("b.csv", [66]));

        var error = Assert.Throws<InvalidDataException>(() => ZipCsvEntry.Open(new MemoryStream(zip)));

        Assert.Contains("it holds 2: a.csv, b.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_leaves_the_zip_stream_open_when_asked()
    {
        var zip = new MemoryStream(TestZips.Csv("Contacts.csv", "Last_Name\nBoyle\n"));

        ZipCsvEntry.Open(zip, leaveOpen: true).Dispose();

        Assert.True(zip.CanRead);
    }

    [Fact]
    public async Task The_entry_stream_feeds_the_csv_row_reader()
    {
        var zip = TestZips.Csv("Contacts.csv", "Last_Name;City\nBoyle;Zürich\nSmith;Paris\n");
        var ct = TestContext.Current.CancellationToken;

        await using var entry = await ZipCsvEntry.OpenAsync(new MemoryStream(zip), cancellationToken: ct);
        await using var reader = await CsvRowReader.OpenAsync(entry.Stream, cancellationToken: ct);
        var rows = new List<CsvRow>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(reader.Current);
        }

        Assert.Equal(["Last_Name", "City"], reader.Headers);
        Assert.Equal([["Boyle", "Zürich"], ["Smith", "Paris"]], rows.Select(r => r.Fields));
    }

    [Fact]
    public void The_guard_stream_stops_as_soon_as_the_expansion_passes_the_limit()
    {
        // .NET never reads past an entry's declared size, so a lying entry cannot reach this guard through a
        // real zip; it is tested directly as the worker's defence in depth.
        var endless = new MemoryStream(new byte[10 * 1024 * 1024]);
        var limits = new ZipLimits { MaxUncompressedBytes = 1024 * 1024, MaxCompressionRatio = 1e9 };
        using var guard = new ExpansionGuardStream(endless, "Contacts.csv", 1000, limits);
        var buffer = new byte[64 * 1024];

        var error = Assert.Throws<InvalidDataException>(() =>
        {
            while (guard.Read(buffer, 0, buffer.Length) > 0)
            {
            }
        });

        Assert.Contains("'Contacts.csv' expands to more than 1MB", error.Message, StringComparison.Ordinal);
        Assert.True(endless.Position <= limits.MaxUncompressedBytes + buffer.Length, "the guard kept reading after the limit");
    }
}
