namespace BiginBulk.Storage.Auth;

/// <summary>
/// A stored token, keyed by the SHA-256 of its value (the value itself is never stored). Bound to one
/// org, user, client and scope set. An access token keeps the hash of the refresh token it came from
/// (<see cref="ParentHash"/>), so revoking a refresh token ends its access tokens too.
/// </summary>
public sealed record TokenRecord(
    string TokenHash,
    TokenKind Kind,
    string ClientId,
    long OrgId,
    long UserId,
    IReadOnlyList<string> Scopes,
    DateTimeOffset? ExpiresTime,
    bool Revoked,
    string? ParentHash = null);
