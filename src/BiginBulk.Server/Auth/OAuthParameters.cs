namespace BiginBulk.Server.Auth;

/// <summary>The parameters of a token request: query string and form body together (the form wins).</summary>
internal sealed class OAuthParameters
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public string? Get(string name) => _values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public static async Task<OAuthParameters> ReadAsync(HttpRequest request)
    {
        var parameters = new OAuthParameters();
        foreach (var (key, value) in request.Query)
        {
            parameters._values[key] = value.ToString();
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            foreach (var (key, value) in form)
            {
                parameters._values[key] = value.ToString();
            }
        }

        return parameters;
    }
}
