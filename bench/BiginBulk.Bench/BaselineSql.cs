using System.Globalization;

namespace BiginBulk.Bench;

/// <summary>
/// The baselines' tables and queries, the same on both databases up to dialect: the CSV's columns as text, the
/// email unique and case-insensitive as the server's, and the export query equal to the bulk read's criteria.
/// </summary>
internal static class BaselineSql
{
    public static readonly string[] ContactColumns = [.. ContactGenerator.Columns.Select(c => c.ToLowerInvariant())];

    public static readonly string[] AccountColumns = ["account_name", "phone", "billing_city"];

    public static string ColumnList => string.Join(", ", ContactColumns);

    public static string StagingColumnList => ColumnList + ", account_name";

    public static string TextColumns(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => c + " text"));

    /// <summary>The bulk read's fields and two-level criteria in SQL; <paramref name="ilike"/> and <paramref name="equalNoCase"/>
    /// are the dialect's case-insensitive comparisons (SQLite's LIKE is case-insensitive already).</summary>
    public static string ExportQuery(string idColumn, string like, Func<string, string, string> equalNoCase, int limit) =>
        string.Create(CultureInfo.InvariantCulture, $"""
            SELECT c.last_name, c.first_name, c.email, c.phone, c.mailing_city, c.lead_source, c.date_of_birth,
                   u.last_name AS "Owner.last_name", c.{idColumn} AS id
            FROM contacts c JOIN users u ON u.id = c.owner_id
            WHERE (c.email {like} '%@%' OR c.last_name {like} 'a%')
              AND ({equalNoCase("u.last_name", "'user'")} OR c.email_opt_out IN ('true', '1'))
            ORDER BY c.{idColumn} LIMIT {limit}
            """).Replace('\n', ' ');
}
