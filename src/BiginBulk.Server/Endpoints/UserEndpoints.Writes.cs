using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BiginBulk.Core.Errors;
using BiginBulk.Core.Ids;
using BiginBulk.Core.Json;
using BiginBulk.Server.Admin;
using BiginBulk.Server.Auth;
using BiginBulk.Server.Http;
using BiginBulk.Server.Json;
using BiginBulk.Server.Users;
using BiginBulk.Storage.Auth;

namespace BiginBulk.Server.Endpoints;

/// <summary>
/// <c>POST …/users</c> adds users, <c>PUT …/users</c> and <c>PUT …/users/{id}</c> change them; a
/// <c>"status": "disabled"</c> deactivates (its tokens stop working at once), <c>"active"</c> reactivates.
/// Each entry of <c>users</c> gets its own outcome, in order, as Zoho's write APIs answer.
/// </summary>
internal static partial class UserEndpoints
{
    private const int MaxUsersPerRequest = 100;

    private static Task<IResult> CreateAsync(HttpContext http, AuthContext auth, IOrgDirectory store, JsonBodyReader reader, IdGenerator ids) =>
        WriteAsync(http, auth, reader, Scopes.UsersCreate, 201, (entry, path) => CreateOneAsync(entry, path, auth, store, ids, http.RequestAborted));

    private static Task<IResult> UpdateManyAsync(HttpContext http, AuthContext auth, IOrgDirectory store, JsonBodyReader reader) =>
        WriteAsync(http, auth, reader, Scopes.UsersUpdate, 200, (entry, path) =>
            ApplyUpdateAsync(entry, path, entry.OptionalIdText("id", path) ?? throw Mandatory("id"), auth, store, http.RequestAborted));

    private static Task<IResult> UpdateOneAsync(HttpContext http, AuthContext auth, string id, IOrgDirectory store, JsonBodyReader reader) =>
        WriteAsync(http, auth, reader, Scopes.UsersUpdate, 200, (entry, path) => ApplyUpdateAsync(entry, path, id, auth, store, http.RequestAborted));

    private static async Task<IResult> WriteAsync(
        HttpContext http, AuthContext auth, JsonBodyReader reader, string scope, int successStatus, Func<JsonObject, string, Task<JsonObject>> write)
    {
        if (!auth.HasAnyScope(scope, Scopes.UsersAll))
        {
            return ZohoErrors.ScopeMismatch(scope).ToResult();
        }

        if (!Profiles.MayManageUsers(auth.Profile))
        {
            return ZohoErrors.NoPermission("manage users").ToResult();
        }

        var body = await reader.ReadAsync(http.Request);
        var entries = (body as JsonObject ?? throw JsonReading.WrongType("$", "a JSON object")).OptionalArray("users", "$")
            ?? throw JsonReading.MissingKey("users", "$");
        if (entries.Count is 0 or > MaxUsersPerRequest)
        {
            throw new ZohoErrorException(new ZohoError(400, "INVALID_DATA", $"users must hold from 1 to {MaxUsersPerRequest} entries.",
                new JsonObject { ["json_path"] = "$.users", ["max_limit"] = MaxUsersPerRequest }));
        }

        var results = new JsonArray();
        var succeeded = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            var path = $"$.users[{i.ToString(CultureInfo.InvariantCulture)}]";
            try
            {
                var entry = entries[i] as JsonObject ?? throw JsonReading.WrongType(path, "a JSON object");
                results.Add(await write(entry, path));
                succeeded++;
            }
            catch (ZohoErrorException ex)
            {
                results.Add(ex.Error.ToJson());
            }
        }

        // Every entry refused: nothing happened, so the request as a whole is a 400.
        return new ZohoJsonResult(succeeded > 0 ? successStatus : 400, new JsonObject { ["users"] = results });
    }

    private static async Task<JsonObject> CreateOneAsync(JsonObject entry, string path, AuthContext auth, IOrgDirectory store, IdGenerator ids, CancellationToken cancellationToken)
    {
        var email = entry.OptionalString("email", path) ?? throw Mandatory("email");
        var lastName = entry.OptionalString("last_name", path) ?? throw Mandatory("last_name");
        var role = ReadRole(entry, path) ?? throw Mandatory("role");
        var profile = ReadProfile(entry, path) ?? throw Mandatory("profile");
        var user = new User(ids.Next(), auth.OrgId, email, entry.OptionalString("first_name", path), lastName, profile, role);
        user = Apply(entry, path, user);
        await CheckEmailAsync(store, user, cancellationToken);
        await store.CreateUserAsync(user, cancellationToken);
        return Success(user.Id, "User added");
    }

    private static async Task<JsonObject> ApplyUpdateAsync(JsonObject entry, string path, string id, AuthContext auth, IOrgDirectory store, CancellationToken cancellationToken)
    {
        var current = ZohoIds.TryParse(id, out var userId) ? await store.GetUserAsync(userId, cancellationToken) : null;
        if (current is null || current.OrgId != auth.OrgId)
        {
            throw Invalid("id", $"the id given seems to be invalid: {id}.");
        }

        var user = current with
        {
            Email = entry.OptionalString("email", path) ?? current.Email,
            FirstName = entry.Has("first_name") ? entry.OptionalString("first_name", path) : current.FirstName,
            LastName = entry.OptionalString("last_name", path) ?? current.LastName,
            Role = ReadRole(entry, path) ?? current.Role,
            Profile = ReadProfile(entry, path) ?? current.Profile,
        };
        user = Apply(entry, path, user);
        if (user.Id == auth.UserId && (!user.IsActive || user.Profile != Profiles.Administrator))
        {
            // The caller would lock themself out mid-request; another administrator has to do it.
            throw Invalid(user.IsActive ? "profile" : "status", "you cannot deactivate yourself or take away your own Administrator profile.");
        }

        if (!string.Equals(user.Email, current.Email, StringComparison.OrdinalIgnoreCase))
        {
            await CheckEmailAsync(store, user, cancellationToken);
        }

        await store.UpdateUserAsync(user, cancellationToken);
        return Success(user.Id, "User updated");
    }

    /// <summary>The attributes both create and update take: checked values for last_name, email, time zone, locale, status.</summary>
    private static User Apply(JsonObject entry, string path, User user)
    {
        if (string.IsNullOrWhiteSpace(user.LastName) || user.LastName.Length > 80)
        {
            throw Invalid("last_name", "last_name must be from 1 to 80 characters.");
        }

        if (!AdminValidation.IsEmail(user.Email) || user.Email.Length > 100)
        {
            throw Invalid("email", $"'{user.Email}' is not an email address.");
        }

        var timeZone = entry.OptionalString("time_zone", path) ?? user.TimeZone;
        if (!UserRules.IsTimeZone(timeZone))
        {
            throw Invalid("time_zone", $"'{timeZone}' is not an IANA time zone.");
        }

        var locale = entry.OptionalString("locale", path) ?? user.Locale;
        if (!UserRules.IsLocale(locale))
        {
            throw Invalid("locale", $"'{locale}' is not a locale of the form en_US.");
        }

        var statusText = entry.OptionalString("status", path);
        var status = statusText is null ? user.Status : UserRules.ParseStatus(statusText) ?? throw Invalid("status", $"status '{statusText}' is not active or disabled.");
        return user with { TimeZone = timeZone, Locale = locale, Status = status };
    }

    private static async Task CheckEmailAsync(IOrgDirectory store, User user, CancellationToken cancellationToken)
    {
        var others = await store.ListUsersAsync(user.OrgId, cancellationToken);
        if (others.FirstOrDefault(u => u.Id != user.Id && string.Equals(u.Email, user.Email, StringComparison.OrdinalIgnoreCase)) is { } duplicate)
        {
            throw new ZohoErrorException(new ZohoError(400, "DUPLICATE_DATA", "duplicate data",
                new JsonObject { ["api_name"] = "email", ["id"] = ZohoIds.Format(duplicate.Id) }));
        }
    }

    /// <summary><c>role</c> as <c>{"id"}</c> or <c>{"name"}</c> (or a bare id, as older clients send).</summary>
    private static string? ReadRole(JsonObject entry, string path) =>
        ReadNamed(entry, path, "role", UserRoles.Find, id => UserJson.RoleById(id));

    private static string? ReadProfile(JsonObject entry, string path) =>
        ReadNamed(entry, path, "profile", Profiles.Find, Profiles.FindById);

    private static string? ReadNamed(JsonObject entry, string path, string key, Func<string, string?> byName, Func<long, string?> byId)
    {
        var node = entry.Get(key, out _);
        string? idText = null;
        string? name = null;
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                idText = obj.OptionalIdText("id", $"{path}.{key}");
                name = obj.OptionalString("name", $"{path}.{key}");
                break;
            case JsonValue value when value.GetValueKind() is JsonValueKind.String or JsonValueKind.Number:
                idText = value.GetValueKind() == JsonValueKind.Number ? value.ToJsonString() : value.GetValue<string>();
                break;
        }

        var found = idText is not null ? (ZohoIds.TryParse(idText, out var id) ? byId(id) : null) : name is not null ? byName(name) : null;
        return found ?? throw Invalid(key, $"{key} {node.ToJsonString()} is not known; give its id or name.");
    }

    private static JsonObject Success(long id, string message) => new()
    {
        ["code"] = "SUCCESS",
        ["details"] = new JsonObject { ["id"] = ZohoIds.Format(id) },
        ["message"] = message,
        ["status"] = "success",
    };

    private static ZohoErrorException Mandatory(string key) =>
        new(new ZohoError(400, "MANDATORY_NOT_FOUND", "required field not found", new JsonObject { ["api_name"] = key }));

    private static ZohoErrorException Invalid(string key, string message) =>
        new(new ZohoError(400, "INVALID_DATA", message, new JsonObject { ["api_name"] = key }));
}
