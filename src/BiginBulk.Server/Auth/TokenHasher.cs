using System.Security.Cryptography;
using System.Text;

namespace BiginBulk.Server.Auth;

/// <summary>
/// Tokens and client secrets are stored only as SHA-256 hashes. They are long random values, so a plain
/// hash (no salt, no stretching) is enough: there is nothing to guess.
/// </summary>
internal static class TokenHasher
{
    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>A Zoho-looking token (<c>1000.{hex}.{hex}</c>): URL-safe, since Zoho's SDKs send it unencoded.</summary>
    public static string NewToken() =>
        $"1000.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}";

    /// <summary>A Zoho-looking client id (<c>1000.</c> + 30 upper-case alphanumerics).</summary>
    public static string NewClientId() =>
        "1000." + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 30);

    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(21));

    /// <summary>Compares a presented secret with a stored hash in constant time.</summary>
    public static bool Matches(string presented, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(presented)), Encoding.ASCII.GetBytes(storedHash));
}
