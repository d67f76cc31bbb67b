using System.Net.Http.Headers;
using System.Text;

namespace BiginBulk.Server.Tests.Infrastructure;

/// <summary>
/// The multipart body exactly as Zoho's C# SDK 8 writes it (sdk wire notes §3, <c>Util/FormDataConverter.cs</c>):
/// boundary <c>----FILEBOUNDARY----</c>, a body that starts with CRLF, one part <c>file</c> of type
/// <c>application/octet-stream</c> with a possibly empty filename, and a closing boundary with no final CRLF.
/// Built by hand so that no HTTP library tidies it up.
/// </summary>
public static class Sdk8Multipart
{
    public const string Boundary = "----FILEBOUNDARY----";

    public static byte[] Body(byte[] zip, string fileName)
    {
        var ascii = Encoding.ASCII;
        using var body = new MemoryStream();
        body.Write(ascii.GetBytes(
            $"\r\n--{Boundary}\r\n" +
            $"Content-Disposition: form-data; name=\"file\"; filename=\"{fileName}\"\r\n" +
            "Content-Type: application/octet-stream\r\n\r\n"));
        body.Write(zip);
        body.Write(ascii.GetBytes($"\r\n--{Boundary}--"));
        return body.ToArray();
    }

    public static ByteArrayContent Content(byte[] zip, string fileName)
    {
        var content = new ByteArrayContent(Body(zip, fileName));
        // Set without validation: the SDK writes the boundary unquoted although it starts with dashes.
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={Boundary}");
        return content;
    }
}
