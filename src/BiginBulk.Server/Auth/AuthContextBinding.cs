using System.Reflection;

namespace BiginBulk.Server.Auth;

/// <summary>
/// Lets handlers take an <see cref="AuthContext"/> parameter: minimal APIs call <c>BindAsync</c>, which
/// reads what <see cref="ZohoAuthMiddleware"/> resolved for this request.
/// </summary>
internal sealed partial record AuthContext
{
    internal static readonly object ItemKey = new();

    public static ValueTask<AuthContext?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult(context.Items.TryGetValue(ItemKey, out var value) ? value as AuthContext : null);
}
