namespace BiginBulk.Storage.Auth;

/// <summary>A tenant. Its id doubles as Zoho's <c>zgid</c>, the value of the <c>X-CRM-ORG</c> header.</summary>
public sealed record Org(long Id, string Name, DateTimeOffset CreatedTime);
