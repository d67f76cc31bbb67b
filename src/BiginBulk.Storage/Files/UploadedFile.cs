namespace BiginBulk.Storage.Files;

/// <summary>An uploaded zip: its id (Zoho's <c>file_id</c>), the CSV it holds, and who sent it.</summary>
public sealed record UploadedFile(long Id, string ZipName, string CsvName, long Size, long CreatedBy, DateTimeOffset CreatedTime);
