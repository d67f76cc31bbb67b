namespace BiginBulk.Client;

/// <summary>Hands out the access token for the next request.</summary>
internal interface ITokenSource
{
    ValueTask<string> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>The server refused <paramref name="rejected"/>: get a new token (unless another caller already
    /// did). False when the credential cannot refresh, so the caller surfaces the error.</summary>
    Task<bool> RefreshAfterRejectionAsync(string rejected, CancellationToken cancellationToken);
}
