using System.Globalization;

namespace BiginBulk.Bench;

/// <summary>
/// PostgreSQL on the cluster bench/run.sh started (default durability). Every server gets a fresh database;
/// the baselines run through <c>psql</c> (and pgloader where installed) in a database of their own per run.
/// </summary>
internal sealed class PostgresStore(BenchOptions options) : IBenchStore
{
    private string _database = "";

    public string Name => "postgres";

    public string LoaderName => "psql \\copy";

    public string ExportName => "psql \\copy (query) TO + zip";

    public async Task<IReadOnlyDictionary<string, string>> CreateServerStoreAsync(string name, CancellationToken cancellationToken)
    {
        var database = "bb_" + name.Replace('-', '_');
        await PsqlAsync("postgres", [$"DROP DATABASE IF EXISTS {database}", $"CREATE DATABASE {database}"], cancellationToken);
        return new Dictionary<string, string>
        {
            ["BiginBulk__Storage__Provider"] = "PostgreSql",
            ["ConnectionStrings__BiginBulk"] = string.Create(CultureInfo.InvariantCulture, $"Host={options.PostgresHost};Port={options.PostgresPort};Username=postgres;Database={database}"),
        };
    }

    public async Task PrepareAsync(int run, DataSet data, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.Combine(options.WorkDirectory, "baseline"));
        _database = string.Create(CultureInfo.InvariantCulture, $"baseline_{run}");
        await PsqlAsync("postgres", [$"DROP DATABASE IF EXISTS {_database}", $"CREATE DATABASE {_database}"], cancellationToken);
        string Contacts(string table, string extra = "") =>
            $"CREATE TABLE {table} (id bigserial PRIMARY KEY, {BaselineSql.TextColumns(BaselineSql.ContactColumns)}, owner_id bigint NOT NULL DEFAULT 1{extra}); " +
            $"CREATE UNIQUE INDEX {table}_email ON {table} (lower(email));";
        await PsqlAsync(_database,
        [
            Contacts("contacts") + Contacts("contacts_pgl") + Contacts("contacts_zoho") + Contacts("contacts_lookup", ", account_id bigint") +
            $"CREATE TABLE accounts (id bigserial PRIMARY KEY, {BaselineSql.TextColumns(BaselineSql.AccountColumns)}); " +
            "CREATE TABLE users (id bigint PRIMARY KEY, last_name text, email text); INSERT INTO users VALUES (1, 'User', 'admin@biginbulk.local');",
            $"\\copy accounts ({string.Join(", ", BaselineSql.AccountColumns)}) FROM '{data.Accounts.CsvPath}' WITH (FORMAT csv, HEADER true)",
            "CREATE INDEX accounts_name ON accounts (lower(account_name))",
        ], cancellationToken);
    }

    public Task<TimeSpan> LoadAsync(string table, DataFile file, CancellationToken cancellationToken) =>
        PsqlAsync(_database, [$"\\copy {table} ({BaselineSql.ColumnList}) FROM '{file.CsvPath}' WITH (FORMAT csv, HEADER true)"], cancellationToken);

    public async Task<TimeSpan> ExportAsync(int limit, CancellationToken cancellationToken)
    {
        var csv = Path.Combine(options.WorkDirectory, "baseline", "export.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(csv)!);
        var zip = Path.ChangeExtension(csv, ".zip");
        File.Delete(zip);
        var query = BaselineSql.ExportQuery("id", "ILIKE", (column, value) => $"lower({column}) = {value}", limit);
        var elapsed = await PsqlAsync(_database, [$"\\copy ({query}) TO '{csv}' WITH (FORMAT csv, HEADER true)"], cancellationToken);
        return elapsed + await Tool.RunAsync("zip", ["-q", "-j", zip, csv], cancellationToken);
    }

    public async Task<TimeSpan> LookupInsertAsync(DataFile file, CancellationToken cancellationToken)
    {
        var script = Path.Combine(options.WorkDirectory, "baseline", "lookup.sql");
        await File.WriteAllTextAsync(script, $"""
            BEGIN;
            CREATE TEMP TABLE staging ({BaselineSql.TextColumns([.. BaselineSql.ContactColumns, "account_name"])}) ON COMMIT DROP;
            \copy staging FROM '{file.CsvPath}' WITH (FORMAT csv, HEADER true)
            INSERT INTO contacts_lookup ({BaselineSql.ColumnList}, account_id)
              SELECT {string.Join(", ", BaselineSql.ContactColumns.Select(c => "s." + c))}, a.id
              FROM staging s
              LEFT JOIN (SELECT DISTINCT ON (lower(account_name)) lower(account_name) AS name, id FROM accounts ORDER BY lower(account_name), id) a
                ON a.name = lower(s.account_name);
            COMMIT;

            """, cancellationToken);
        return await Tool.RunAsync("psql", [.. Connection(_database), "-f", script], cancellationToken);
    }

    public async Task<IReadOnlyList<(string Name, TimeSpan? Time, string? Note)>> ExtraLoadersAsync(DataFile file, CancellationToken cancellationToken)
    {
        if (options.PgLoader is null)
        {
            return [("pgloader", null, "pgloader is not installed (apt-get install pgloader); skipped")];
        }

        var command = Path.Combine(options.WorkDirectory, "baseline", "contacts.load");
        await File.WriteAllTextAsync(command, string.Create(CultureInfo.InvariantCulture, $"""
            LOAD CSV FROM '{file.CsvPath}' ({BaselineSql.ColumnList})
              INTO postgresql://postgres@{options.PostgresHost}:{options.PostgresPort}/{_database}?contacts_pgl ({BaselineSql.ColumnList})
              WITH skip header = 1, fields optionally enclosed by '"', fields escaped by double-quote, fields terminated by ',';

            """), cancellationToken);
        var elapsed = await Tool.RunAsync(options.PgLoader, ["--quiet", "--on-error-stop", command], cancellationToken, Path.Combine(options.WorkDirectory, "baseline"));
        var loaded = await CountAsync("contacts_pgl", cancellationToken);
        return loaded == file.Rows
            ? [("pgloader", elapsed, null)]
            : [("pgloader", null, $"pgloader loaded {loaded} of {file.Rows} rows; not counted")];
    }

    public async Task<long> CountAsync(string table, CancellationToken cancellationToken) =>
        long.Parse(await Tool.OutputAsync("psql", [.. Connection(_database), "-tA", "-c", $"SELECT count(*) FROM {table}"], cancellationToken), CultureInfo.InvariantCulture);

    private string[] Connection(string database) =>
        ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", options.PostgresHost!, "-p", options.PostgresPort.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-d", database];

    private Task<TimeSpan> PsqlAsync(string database, IReadOnlyList<string> commands, CancellationToken cancellationToken) =>
        Tool.RunAsync("psql", [.. Connection(database), .. commands.SelectMany(c => new[] { "-c", c })], cancellationToken);
}
