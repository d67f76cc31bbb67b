using System.Text.RegularExpressions;

namespace BiginBulk.Server.Tests.Errors;

/// <summary>
/// Keeps <c>docs/errors.md</c>, the tests and the server's source from drifting apart: every code in the
/// table is asserted by some test, every test the table names exists, and every error code the source can
/// construct has a row.
/// </summary>
public sealed partial class ErrorContractTests
{
    [Fact]
    public void Docs_table_codes_are_each_asserted_by_a_test()
    {
        var sources = TestSources().Where(f => !f.Path.EndsWith("ErrorContractTests.Docs.cs", StringComparison.Ordinal)).ToList();

        var unasserted = DocRows().Select(r => r.Code).Distinct(StringComparer.Ordinal)
            .Where(code => !sources.Any(f => f.Text.Contains($"\"{code}\"", StringComparison.Ordinal)))
            .ToList();

        Assert.True(unasserted.Count == 0, $"No test source mentions \"{string.Join("\", \"", unasserted)}\".");
    }

    [Fact]
    public void Docs_table_names_only_tests_that_exist()
    {
        var cases = AllCaseNames.ToHashSet(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var row in DocRows())
        {
            Assert.True(row.Tests.Count > 0, $"The row for {row.Code} names no test.");
            foreach (var reference in row.Tests)
            {
                if (!Resolves(reference, cases))
                {
                    missing.Add($"{row.Code}: {reference}");
                }
            }
        }

        Assert.True(missing.Count == 0, "Tests named in docs/errors.md that do not exist:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void Docs_table_lists_every_error_code_the_source_constructs()
    {
        var documented = DocRows().Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var src = Path.Combine(RepositoryRoot(), "src");
        var emitted = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var name = Path.GetFileName(file);
            Add(ZohoErrorCode().Matches(text));
            Add(ZohoErrorsFactory().Matches(text));
            if (name.StartsWith("BulkWriteRequestParser", StringComparison.Ordinal))
            {
                Add(ParserErrorCall().Matches(text));
            }

            if (name is "BulkReadErrorCodes.cs" or "ZipErrorCodes.cs")
            {
                Add(CodeConstant().Matches(text));
            }

            if (name == "TokenEndpoints.cs")
            {
                Add(TokenError().Matches(text));
            }
        }

        Assert.True(emitted.Count > 30, $"The source scan found only {emitted.Count} codes; the patterns no longer match the code.");
        var undocumented = emitted.Where(c => !documented.Contains(c)).ToList();
        Assert.True(undocumented.Count == 0, $"Codes the server can return that docs/errors.md lacks: {string.Join(", ", undocumented)}");

        void Add(MatchCollection matches)
        {
            foreach (Match match in matches)
            {
                emitted.Add(match.Groups[1].Value);
            }
        }
    }

    private static bool Resolves(string reference, HashSet<string> cases)
    {
        var match = TestReference().Match(reference);
        if (!match.Success)
        {
            return false;
        }

        var (type, method, caseName) = (match.Groups["type"].Value, match.Groups["method"].Value, match.Groups["case"].Value);
        if (type.Length == 0 || type == "Errors/ErrorContractTests")
        {
            if (caseName.Length > 0)
            {
                return cases.Contains(caseName);
            }
        }

        if (type.Length == 0)
        {
            return false;
        }

        var folder = Path.Combine(RepositoryRoot(), "tests", "BiginBulk.Server.Tests", Path.GetDirectoryName(type)!);
        var className = Path.GetFileName(type);
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, className + "*.cs") : [];
        return files.Length > 0 && (method.Length == 0 || files.Any(f => File.ReadAllText(f).Contains($" {method}(", StringComparison.Ordinal)));
    }

    private static List<DocRow> DocRows()
    {
        var rows = new List<DocRow>();
        foreach (var line in File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "errors.md")))
        {
            var match = TableRow().Match(line);
            if (!match.Success)
            {
                continue;
            }

            var cells = line.Trim().Trim('|').Split('|');
            var tests = BacktickToken().Matches(cells[^1]).Select(m => m.Groups[1].Value).ToList();
            rows.Add(new DocRow(match.Groups[1].Value, tests));
        }

        Assert.True(rows.Count > 40, $"docs/errors.md has only {rows.Count} rows; the table format changed?");
        return rows;
    }

    private static IEnumerable<(string Path, string Text)> TestSources()
    {
        var root = Path.Combine(RepositoryRoot(), "tests");
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (f, File.ReadAllText(f)));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "docs", "errors.md")) && Directory.Exists(Path.Combine(dir.FullName, "src")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No repository root with docs/errors.md above the test binaries.");
    }

    [GeneratedRegex(@"^\|\s*`([A-Za-z_]+)`")]
    private static partial Regex TableRow();

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex BacktickToken();

    [GeneratedRegex(@"^(?<type>[A-Za-z]+/[A-Za-z]+)?(?:\.(?<method>[A-Za-z0-9_]+))?(?:\[(?<case>[a-z0-9-]+)\])?$")]
    private static partial Regex TestReference();

    [GeneratedRegex(@"new ZohoError\(\s*[^,]+,\s*""([A-Z_]+)""")]
    private static partial Regex ZohoErrorCode();

    [GeneratedRegex(@"=>\s*new\(\s*\d+,\s*""([A-Z_]+)""")]
    private static partial Regex ZohoErrorsFactory();

    [GeneratedRegex(@"\bError\(""([A-Z_]+)""")]
    private static partial Regex ParserErrorCall();

    [GeneratedRegex(@"const string \w+ = ""([A-Z_]+)""")]
    private static partial Regex CodeConstant();

    [GeneratedRegex(@"\bError\(""([a-z_]+)""\)")]
    private static partial Regex TokenError();

    private sealed record DocRow(string Code, IReadOnlyList<string> Tests);
}
