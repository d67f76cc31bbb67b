using BiginBulk.Storage.Files;

namespace BiginBulk.Storage.Relational;

public abstract partial class RelationalOrgStore
{
    /// <summary>Files live in the database so that every node can serve every job and download; the content is
    /// streamed into the row (<see cref="SqlDialect.WriteBlobAsync"/>), so a 25 MB upload is never held in memory.</summary>
    public async Task SaveFileAsync(UploadedFile file, Stream zipContent, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        await db.BeginWriteAsync(null, cancellationToken);
        await db.ExecuteAsync(
            """
            INSERT INTO files (id, zip_name, csv_name, size, created_by, created_time, content)
            VALUES (@id, @zip, @csv, @size, @by, @time, @empty)
            """,
            cancellationToken,
            ("id", file.Id), ("zip", file.ZipName), ("csv", file.CsvName), ("size", file.Size),
            ("by", file.CreatedBy), ("time", file.CreatedTime), ("empty", Array.Empty<byte>()));
        await Dialect.WriteBlobAsync(db, "files", "content", file.Id, zipContent, file.Size, cancellationToken);
        await db.CommitAsync(cancellationToken);
    }

    public async Task<UploadedFile?> GetFileAsync(long fileId, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        var files = await db.QueryAsync(
            "SELECT id, zip_name, csv_name, size, created_by, created_time FROM files WHERE id = @id",
            r => new UploadedFile(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4), Dialect.ReadTime(r, 5)),
            cancellationToken, ("id", fileId));
        return files.SingleOrDefault();
    }

    public Stream OpenFileContent(long fileId) =>
        Dialect.OpenBlob(OpenSynchronously(), "files", "content", fileId) ?? throw new FileNotFoundException($"No stored file {fileId}.");
}
