namespace BiginBulk.Storage.Files;

/// <summary>The org's uploaded files (the upload API's <c>file_id</c>): stored at upload, read by job creation and by the write worker.</summary>
public interface IFileStore
{
    Task SaveFileAsync(UploadedFile file, Stream zipContent, CancellationToken cancellationToken = default);

    Task<UploadedFile?> GetFileAsync(long fileId, CancellationToken cancellationToken = default);

    /// <summary>Streams a stored zip without loading it into memory.</summary>
    Stream OpenFileContent(long fileId);
}
