using BiginBulk.Storage.Files;
using Microsoft.Data.Sqlite;

namespace BiginBulk.Storage.Sqlite;

public sealed partial class SqliteOrgStore
{
    public async Task SaveFileAsync(UploadedFile file, Stream zipContent, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        // Reserve the blob with zeroblob() and stream into it, so a 25 MB upload is never held in memory.
        connection.Execute(
            """
            INSERT INTO files (id, zip_name, csv_name, size, created_by, created_time, content)
            VALUES ($id, $zip, $csv, $size, $by, $time, zeroblob($size))
            """,
            ("$id", file.Id), ("$zip", file.ZipName), ("$csv", file.CsvName), ("$size", file.Size),
            ("$by", file.CreatedBy), ("$time", SqliteValues.FormatTime(file.CreatedTime)));
        using (var blob = new SqliteBlob(connection, "files", "content", file.Id))
        {
            await zipContent.CopyToAsync(blob, cancellationToken);
        }

        transaction.Commit();
    }

    public Task<UploadedFile?> GetFileAsync(long fileId, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand(
            "SELECT id, zip_name, csv_name, size, created_by, created_time FROM files WHERE id = $id", ("$id", fileId));
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read()
            ? new UploadedFile(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4), SqliteValues.ParseTime(reader.GetString(5)))
            : null);
    }

    public Stream OpenFileContent(long fileId)
    {
        var connection = Open();
        try
        {
            return new OwningStream(new SqliteBlob(connection, "files", "content", fileId, readOnly: true), connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
