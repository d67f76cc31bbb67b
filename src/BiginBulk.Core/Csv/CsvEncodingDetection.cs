using System.Text;

namespace BiginBulk.Core.Csv;

/// <summary>The encoding chosen for an uploaded CSV.</summary>
/// <param name="Encoding">Decodes the bytes after the byte order mark.</param>
/// <param name="Name">The canonical name reported as the job's <c>character_encoding</c>, e.g. <c>UTF-8</c>, <c>windows-1252</c>.</param>
/// <param name="BomLength">Bytes of byte order mark at the start of the file, to skip before decoding.</param>
/// <param name="Source">Why this encoding was chosen.</param>
public sealed record CsvEncodingDetection(Encoding Encoding, string Name, int BomLength, CsvEncodingSource Source);
