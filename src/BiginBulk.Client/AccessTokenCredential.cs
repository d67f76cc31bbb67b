namespace BiginBulk.Client;

internal sealed class AccessTokenCredential(string accessToken) : BiginCredential
{
    internal override bool CanRefresh => false;

    internal override ITokenSource CreateSource(HttpClient http, BiginEndpoints endpoints, TimeProvider time) =>
        new FixedTokenSource(accessToken);

    private sealed class FixedTokenSource(string token) : ITokenSource
    {
        public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(token);

        public Task<bool> RefreshAfterRejectionAsync(string rejected, CancellationToken cancellationToken) => Task.FromResult(false);
    }
}
