namespace BiginBulk.Server.Auth;

/// <summary>Who is calling: resolved from the access token, bound to exactly one org.</summary>
internal sealed partial record AuthContext(long OrgId, long UserId, string UserName, string UserEmail, string Profile, IReadOnlyList<string> Scopes)
{
    public bool HasScope(string scope) => Auth.Scopes.Grants(Scopes, scope);

    public bool HasAnyScope(params string[] alternatives) => Auth.Scopes.GrantsAny(Scopes, alternatives);
}
