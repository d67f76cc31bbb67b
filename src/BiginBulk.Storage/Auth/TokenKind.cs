namespace BiginBulk.Storage.Auth;

public enum TokenKind
{
    Access,
    Refresh,

    /// <summary>A one-time grant code (self-client or authorization code flow), exchanged for tokens.</summary>
    GrantCode,
}
