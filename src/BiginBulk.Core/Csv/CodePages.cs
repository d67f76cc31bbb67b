using System.Text;

namespace BiginBulk.Core.Csv;

/// <summary>
/// Registers the legacy code pages (windows-1252, Shift_JIS, ...) exactly once. .NET Core only ships the
/// Unicode encodings and Latin-1; uploads from spreadsheets are often in a Windows code page.
/// </summary>
internal static class CodePages
{
    // An explicit static constructor (not a field initializer) guarantees registration has finished before any
    // caller of EnsureRegistered continues, whichever thread gets there first.
    static CodePages() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static void EnsureRegistered()
    {
    }
}
