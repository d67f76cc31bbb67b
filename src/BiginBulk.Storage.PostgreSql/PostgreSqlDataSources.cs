using Npgsql;

namespace BiginBulk.Storage.PostgreSql;

/// <summary>
/// Builds the connection pools. Each schema gets its own data source whose connections have
/// <c>search_path</c> set to that schema alone, so an org store's unqualified table names can only ever
/// resolve inside its own org's schema.
/// </summary>
internal static class PostgreSqlDataSources
{
    public static NpgsqlDataSource Create(string connectionString, string schema)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema };
        return NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public static string OrgSchema(long orgId) => "org_" + orgId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
