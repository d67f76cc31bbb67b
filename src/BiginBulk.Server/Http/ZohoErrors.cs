using System.Text.Json.Nodes;
using BiginBulk.Core.Errors;

namespace BiginBulk.Server.Http;

/// <summary>
/// The errors the HTTP layer answers itself, with the status codes and messages Zoho's pages document
/// (spec/zoho-docs, notes §1.5, §2.1, §6).
/// </summary>
internal static class ZohoErrors
{
    public static ZohoError InvalidToken() => new(401, "INVALID_TOKEN", "invalid oauth token");

    /// <summary>Too many failed authentications from one address (ours: Zoho documents no such limit for API calls).</summary>
    public static ZohoError TooManyFailedAuthentications() =>
        new(429, "TOO_MANY_REQUESTS", "Too many requests with invalid oauth tokens from this address; try again after the time in Retry-After.");

    public static ZohoError ScopeMismatch(string required) =>
        new(401, "OAUTH_SCOPE_MISMATCH", "invalid oauth scope to access this URL", new JsonObject { ["required_scope"] = required });

    public static ZohoError NoPermission(string action) => new(403, "NO_PERMISSION", $"Permission denied to {action}");

    /// <summary>
    /// The user's profile lacks the right for the operation (bulk import or export): Zoho's bulk pages answer
    /// that with HTTP 400 and this message, keeping NO_PERMISSION for rights outside the profile's data privileges.
    /// </summary>
    public static ZohoError AuthorizationFailed(string action) => new(400, "AUTHORIZATION_FAILED", $"User does not have sufficient privilege to {action}.");

    public static ZohoError InvalidUrlPattern() =>
        new(404, "INVALID_URL_PATTERN", "Please check if the URL trying to access is a correct one");

    public static ZohoError InvalidRequestMethod() =>
        new(400, "INVALID_REQUEST_METHOD", "The http request method type is not a valid one");

    public static ZohoError ResourceNotFound() => new(404, "RESOURCE_NOT_FOUND", "The requested resource doesn't exist.");

    public static ZohoError InternalError() => new(500, "INTERNAL_ERROR", "Internal Server Error");

    public static IResult ToResult(this ZohoError error) => new ZohoJsonResult(error.HttpStatus, error.ToJson());
}
