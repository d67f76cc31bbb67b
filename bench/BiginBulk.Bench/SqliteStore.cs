using System.Globalization;

namespace BiginBulk.Bench;

/// <summary>
/// SQLite: the server on its embedded store; the baseline is the <c>sqlite3</c> shell on a database file of its own.
/// The email index uses NOCASE (ASCII case folding, as SQLite's own comparisons do).
/// </summary>
internal sealed class SqliteStore(BenchOptions options) : IBenchStore
{
    private string _database = "";

    public string Name => "sqlite";

    public string LoaderName => "sqlite3 .import";

    public string ExportName => "sqlite3 query + zip";

    public Task<IReadOnlyDictionary<string, string>> CreateServerStoreAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

    public async Task PrepareAsync(int run, DataSet data, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(options.WorkDirectory, "baseline");
        Directory.CreateDirectory(directory);
        _database = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"sqlite-{run}.db"));
        File.Delete(_database);
        string Contacts(string table, string extra = "") =>
            $"CREATE TABLE {table} ({BaselineSql.TextColumns(BaselineSql.ContactColumns)}{extra}); CREATE UNIQUE INDEX {table}_email ON {table} (email COLLATE NOCASE);";
        await SqlAsync(
            Contacts("contacts") + Contacts("contacts_zoho") + Contacts("contacts_lookup", ", account_id integer") +
            $"CREATE TABLE staging ({BaselineSql.TextColumns([.. BaselineSql.ContactColumns, "account_name"])});" +
            $"CREATE TABLE accounts ({BaselineSql.TextColumns(BaselineSql.AccountColumns)});" +
            "CREATE TABLE users (id integer PRIMARY KEY, last_name text, email text); INSERT INTO users VALUES (1, 'User', 'admin@biginbulk.local');",
            cancellationToken);
        await Tool.RunAsync("sqlite3", [_database, $".import --csv --skip 1 {data.Accounts.CsvPath} accounts"], cancellationToken);
        await SqlAsync("CREATE INDEX accounts_name ON accounts (account_name COLLATE NOCASE);", cancellationToken);
    }

    public async Task<TimeSpan> LoadAsync(string table, DataFile file, CancellationToken cancellationToken)
    {
        var elapsed = await Tool.RunAsync("sqlite3", [_database, $".import --csv --skip 1 {file.CsvPath} {table}"], cancellationToken);
        if (table == "contacts")
        {
            // The export joins the owner as the server's does; adding a column with a default is O(1) in SQLite,
            // and .import needs the table to have exactly the CSV's columns, so it comes after the load.
            await SqlAsync("ALTER TABLE contacts ADD COLUMN owner_id integer NOT NULL DEFAULT 1;", cancellationToken);
        }

        return elapsed;
    }

    public async Task<TimeSpan> ExportAsync(int limit, CancellationToken cancellationToken)
    {
        var csv = Path.Combine(options.WorkDirectory, "baseline", "export.csv");
        var zip = Path.ChangeExtension(csv, ".zip");
        File.Delete(zip);
        var query = BaselineSql.ExportQuery("rowid", "LIKE", (column, value) => $"{column} = {value} COLLATE NOCASE", limit) + ";";
        var elapsed = await Tool.RunAsync("sqlite3", [_database, ".headers on", ".mode csv", $".output {csv}", query], cancellationToken);
        return elapsed + await Tool.RunAsync("zip", ["-q", "-j", zip, csv], cancellationToken);
    }

    public Task<TimeSpan> LookupInsertAsync(DataFile file, CancellationToken cancellationToken) =>
        Tool.RunAsync("sqlite3",
        [
            _database,
            "BEGIN;",
            $".import --csv --skip 1 {file.CsvPath} staging",
            $"INSERT INTO contacts_lookup SELECT {string.Join(", ", BaselineSql.ContactColumns.Select(c => "s." + c))}, " +
            "a.id FROM staging s LEFT JOIN (SELECT account_name COLLATE NOCASE AS name, min(rowid) AS id FROM accounts GROUP BY 1) a ON a.name = s.account_name COLLATE NOCASE;",
            "COMMIT;",
        ], cancellationToken);

    public Task<IReadOnlyList<(string Name, TimeSpan? Time, string? Note)>> ExtraLoadersAsync(DataFile file, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<(string, TimeSpan?, string?)>>([]);

    public async Task<long> CountAsync(string table, CancellationToken cancellationToken) =>
        long.Parse(await Tool.OutputAsync("sqlite3", [_database, $"SELECT count(*) FROM {table};"], cancellationToken), CultureInfo.InvariantCulture);

    private Task<TimeSpan> SqlAsync(string sql, CancellationToken cancellationToken) =>
        Tool.RunAsync("sqlite3", [_database, sql], cancellationToken);
}
