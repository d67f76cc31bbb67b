namespace BiginBulk.Storage.Auth;

/// <summary>
/// An OAuth client registered to an org. Only the hash of its secret is stored. <see cref="UserId"/> is the
/// user a client_credentials token acts as (the client's owner).
/// </summary>
public sealed record OAuthClient(string ClientId, string SecretHash, long OrgId, string Name, long? UserId = null);
