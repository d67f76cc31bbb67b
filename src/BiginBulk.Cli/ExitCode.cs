namespace BiginBulk.Cli;

/// <summary>The documented exit codes of <c>biginbulk</c> (README, "The biginbulk CLI").</summary>
internal enum ExitCode
{
    /// <summary>Everything worked.</summary>
    Success = 0,

    /// <summary>The import finished, but some rows were skipped (see FILE.failed.csv).</summary>
    CompletedWithFailedRows = 1,

    /// <summary>Bad usage: unknown option, bad --where expression, missing file, no server configured.</summary>
    Usage = 2,

    /// <summary>The credentials were refused (wrong or expired token, revoked client, missing scope).</summary>
    Authentication = 3,

    /// <summary>The server or network failed, or the server refused the request.</summary>
    ServerOrNetwork = 4,
}
