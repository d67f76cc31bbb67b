namespace BiginBulk.Storage.Auth;

public enum TokenKind
{
    Access,
    Refresh,
}
