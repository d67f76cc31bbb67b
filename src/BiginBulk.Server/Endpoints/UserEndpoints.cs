using System.Text.Json.Nodes;
using BiginBulk.Core.Errors;
using BiginBulk.Server.Auth;
using BiginBulk.Server.Http;
using BiginBulk.Server.Json;
using BiginBulk.Storage.Auth;

namespace BiginBulk.Server.Endpoints;

/// <summary>
/// Zoho's users API under <c>/bigin/v2/users</c> and <c>/crm/v{n}/users</c>: list by <c>type</c> with pages,
/// one user by id, and (administrators with the users scope) add and update users, deactivation included.
/// </summary>
internal static partial class UserEndpoints
{
    /// <summary>The <c>type</c> values of Zoho's users API and which users each selects.</summary>
    private static readonly Dictionary<string, Func<User, AuthContext, bool>> Types = new(StringComparer.Ordinal)
    {
        ["AllUsers"] = (_, _) => true,
        ["ActiveUsers"] = (u, _) => u.IsActive,
        ["DeactiveUsers"] = (u, _) => !u.IsActive,
        ["ConfirmedUsers"] = (_, _) => true,
        ["NotConfirmedUsers"] = (_, _) => false,
        ["DeletedUsers"] = (_, _) => false,
        ["ActiveConfirmedUsers"] = (u, _) => u.IsActive,
        ["AdminUsers"] = (u, _) => u.Profile == Profiles.Administrator,
        ["ActiveConfirmedAdmins"] = (u, _) => u.IsActive && u.Profile == Profiles.Administrator,
        ["CurrentUser"] = (u, auth) => u.Id == auth.UserId,
    };

    public static void MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        foreach (var prefix in RestRoutes.Prefixes)
        {
            app.MapGet(prefix + "/users", ListAsync).RequireZohoAuth();
            app.MapGet(prefix + "/users/{id}", GetAsync).RequireZohoAuth();
            app.MapPost(prefix + "/users", CreateAsync).RequireZohoAuth();
            app.MapPut(prefix + "/users", UpdateManyAsync).RequireZohoAuth();
            app.MapPut(prefix + "/users/{id}", UpdateOneAsync).RequireZohoAuth();
        }
    }

    private static async Task<IResult> ListAsync(HttpContext http, AuthContext auth, IOrgDirectory store, TimeProvider time)
    {
        var type = http.Request.Query["type"].ToString();
        type = type.Length == 0 ? "AllUsers" : type;
        if (!Types.TryGetValue(type, out var selects))
        {
            throw new ZohoErrorException(new ZohoError(400, "INVALID_DATA", $"invalid type {type}: use one of {string.Join(", ", Types.Keys)}.",
                new JsonObject { ["param_name"] = "type", ["supported_values"] = new JsonArray([.. Types.Keys.Select(k => (JsonNode)k)]) }));
        }

        // Zoho's SDKs ask who they are after every token refresh, whatever scopes the token has (sdk wire
        // notes §6); a user may always read themself, so CurrentUser needs no users scope.
        if (type != "CurrentUser" && !auth.HasAnyScope(Scopes.UsersRead))
        {
            return ZohoErrors.ScopeMismatch(Scopes.UsersRead[0]).ToResult();
        }

        var page = QueryParameters.ReadInt(http.Request, "page", 1, 1, int.MaxValue);
        var perPage = QueryParameters.ReadInt(http.Request, "per_page", 200, 1, 200);
        var users = (await store.ListUsersAsync(auth.OrgId, http.RequestAborted)).Where(u => selects(u, auth)).ToList();
        var offset = (long)(page - 1) * perPage;
        var slice = offset >= users.Count ? [] : users.Skip((int)offset).Take(perPage).ToList();
        if (slice.Count == 0)
        {
            return Results.NoContent();
        }

        var now = time.GetUtcNow();
        return new ZohoJsonResult(200, new JsonObject
        {
            ["users"] = new JsonArray([.. slice.Select(u => (JsonNode)UserJson.Render(u, now))]),
            ["info"] = new JsonObject
            {
                ["per_page"] = perPage,
                ["count"] = slice.Count,
                ["page"] = page,
                ["more_records"] = offset + slice.Count < users.Count,
            },
        });
    }

    private static async Task<IResult> GetAsync(HttpContext http, AuthContext auth, string id, IOrgDirectory store, TimeProvider time)
    {
        if (!auth.HasAnyScope(Scopes.UsersRead))
        {
            return ZohoErrors.ScopeMismatch(Scopes.UsersRead[0]).ToResult();
        }

        var user = await FindUserAsync(store, auth, id, http.RequestAborted);
        return new ZohoJsonResult(200, new JsonObject { ["users"] = new JsonArray(UserJson.Render(user, time.GetUtcNow())) });
    }

    /// <summary>A user of the caller's org; another org's user is as unknown as a made-up id.</summary>
    private static async Task<User> FindUserAsync(IOrgDirectory store, AuthContext auth, string id, CancellationToken cancellationToken)
    {
        var user = ZohoIds.TryParse(id, out var userId) ? await store.GetUserAsync(userId, cancellationToken) : null;
        return user is not null && user.OrgId == auth.OrgId
            ? user
            : throw new ZohoErrorException(new ZohoError(400, "INVALID_DATA", "the id given seems to be invalid", new JsonObject { ["id"] = id }));
    }
}
