namespace BiginBulk.Storage.Auth;

/// <summary>An OAuth client registered to an org. Only the hash of its secret is stored.</summary>
public sealed record OAuthClient(string ClientId, string SecretHash, long OrgId, string Name);
