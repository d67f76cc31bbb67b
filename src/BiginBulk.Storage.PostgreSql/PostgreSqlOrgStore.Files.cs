using BiginBulk.Storage.Files;
using NpgsqlTypes;
using static BiginBulk.Storage.PostgreSql.PostgreSqlCommands;

namespace BiginBulk.Storage.PostgreSql;

public sealed partial class PostgreSqlOrgStore
{
    public async Task SaveFileAsync(UploadedFile file, Stream zipContent, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenNpgsqlAsync(cancellationToken);
        // A Stream parameter is copied to the socket as it is read, so a 25 MB upload is not held in memory.
        // Files live in the database so that every node can serve every job and download.
        await connection.ExecuteAsync(
            """
            INSERT INTO files (id, zip_name, csv_name, size, created_by, created_time, content)
            VALUES (@id, @zip, @csv, @size, @by, @time, @content)
            """,
            cancellationToken,
            P("id", file.Id), P("zip", file.ZipName), P("csv", file.CsvName), P("size", file.Size),
            P("by", file.CreatedBy), P("time", PostgreSqlValues.Time(file.CreatedTime)), P("content", zipContent, NpgsqlDbType.Bytea));
    }

    public async Task<UploadedFile?> GetFileAsync(long fileId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenNpgsqlAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT id, zip_name, csv_name, size, created_by, created_time FROM files WHERE id = @id", P("id", fileId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new UploadedFile(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4), PostgreSqlValues.ReadTime(reader.GetDateTime(5)))
            : null;
    }

    public Stream OpenFileContent(long fileId) =>
        PostgreSqlBlobStream.Open(Open(), "files", "content", fileId)
        ?? throw new FileNotFoundException($"No stored file {fileId}.");
}
