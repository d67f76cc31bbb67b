using System.Text.Json;
using System.Text.Json.Nodes;

namespace BiginBulk.Server.Admin;

/// <summary>Writes results as indented JSON on stdout and problems on stderr, with named exit codes.</summary>
internal static class AdminOutput
{
    public const int Success = 0;
    public const int NotFound = 2;
    public const int Invalid = 3;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Write(JsonNode result)
    {
        Console.Out.WriteLine(result.ToJsonString(Indented));
        return Success;
    }

    public static int Fail(int exitCode, string message)
    {
        Console.Error.WriteLine(message);
        return exitCode;
    }
}
