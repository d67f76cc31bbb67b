using System.Data.Common;
using BiginBulk.Core.Errors;
using Microsoft.Data.Sqlite;

namespace BiginBulk.Server.Persistence;

/// <summary>
/// The one place that says whether a failure is worth trying again. Our own exceptions say so themselves
/// (<see cref="BiginBulkException.IsTransient"/>); a database driver's are classified here, because only the
/// server knows both drivers: PostgreSQL's by Npgsql's own <see cref="DbException.IsTransient"/> (a dropped
/// connection, a serialization failure, a deadlock, too many connections…), SQLite's by its result code,
/// since Microsoft.Data.Sqlite does not say: BUSY and LOCKED (another writer held the file past the busy
/// timeout) pass, anything else (a constraint, a missing table, a corrupt file) happens again.
/// </summary>
internal static class TransientFailure
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool IsTransient(Exception exception)
    {
        // The outermost exception that knows decides: ours may wrap a driver error it has judged already.
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case BiginBulkException ours:
                    return ours.IsTransient;
                case SqliteException sqlite:
                    return sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked;
                case DbException database:
                    return database.IsTransient;
                case TimeoutException:
                    return true;
            }
        }

        return false;
    }
}
