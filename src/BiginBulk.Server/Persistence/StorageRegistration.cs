using System.Globalization;
using BiginBulk.Server.Options;
using BiginBulk.Storage;
using BiginBulk.Storage.Auth;
using BiginBulk.Storage.PostgreSql;
using BiginBulk.Storage.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BiginBulk.Server.Persistence;

/// <summary>
/// Picks the store from <c>BiginBulk:Storage:Provider</c>: <c>Sqlite</c> (the default: files under the data
/// directory) or <c>PostgreSql</c> (the database named by <c>ConnectionStrings:BiginBulk</c>, shared by every node).
/// A bad choice stops the server at start (<see cref="StartupSettings"/>), with a line that says what to set,
/// rather than at first request.
/// </summary>
internal static class StorageRegistration
{
    public const string ProviderKey = "BiginBulk:Storage:Provider";
    public const string ConnectionStringName = "BiginBulk";

    /// <summary>Why the store settings cannot work (one line naming what to set), or null when they can.</summary>
    public static string? Problem(IConfiguration configuration)
    {
        var provider = configuration[ProviderKey];
        if (IsSqlite(provider))
        {
            return null;
        }

        if (!string.Equals(provider, "PostgreSql", StringComparison.OrdinalIgnoreCase))
        {
            return $"{ProviderKey} is '{provider}'; it must be Sqlite (the default) or PostgreSql.";
        }

        return string.IsNullOrWhiteSpace(configuration.GetConnectionString(ConnectionStringName))
            ? $"{ProviderKey} is PostgreSql but ConnectionStrings:{ConnectionStringName} is not set. Set it, for example "
                + "ConnectionStrings__BiginBulk=\"Host=127.0.0.1;Port=5432;Database=biginbulk;Username=biginbulk;Password=…\"."
            : null;
    }

    /// <summary>The store in use, for the start-up log: the SQLite directory, or PostgreSQL's host, port,
    /// database and user. Never the password.</summary>
    public static string Describe(IConfiguration configuration, string dataDirectory)
    {
        if (IsSqlite(configuration[ProviderKey]))
        {
            return $"SQLite, files in {dataDirectory} (system.db and one database file per org)";
        }

        var connection = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString(ConnectionStringName));
        return string.Create(CultureInfo.InvariantCulture,
            $"PostgreSQL, host {connection.Host}:{connection.Port}, database {connection.Database ?? "(the user's default)"}, user {connection.Username}");
    }

    public static IServiceCollection AddBiginBulkStorage(this IServiceCollection services, IConfiguration configuration)
    {
        if (Problem(configuration) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        // The system store's roles are the one store, for consumers that need only one of them.
        services.AddSingleton<IOrgDirectory>(sp => sp.GetRequiredService<ISystemStore>());
        services.AddSingleton<ICredentialStore>(sp => sp.GetRequiredService<ISystemStore>());
        if (IsSqlite(configuration[ProviderKey]))
        {
            services.AddSingleton<ISystemStore>(sp => new SqliteSystemStore(sp.GetRequiredService<IOptions<BiginBulkOptions>>().Value.DataDirectory));
            services.AddSingleton<IOrgStoreProvider>(sp => new SqliteOrgStoreProvider(
                sp.GetRequiredService<IOptions<BiginBulkOptions>>().Value.DataDirectory, sp.GetService<TimeProvider>()));
            return services;
        }

        var connectionString = configuration.GetConnectionString(ConnectionStringName)!;
        services.AddSingleton<ISystemStore>(sp =>
        {
            // The data directory still holds bootstrap.json; SQLite's stores create it, so here it is made explicitly.
            Directory.CreateDirectory(sp.GetRequiredService<IOptions<BiginBulkOptions>>().Value.DataDirectory);
            return new PostgreSqlSystemStore(connectionString);
        });
        services.AddSingleton<IOrgStoreProvider>(sp => new PostgreSqlOrgStoreProvider(connectionString, sp.GetService<TimeProvider>()));
        return services;
    }

    private static bool IsSqlite(string? provider) =>
        string.IsNullOrWhiteSpace(provider) || string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase);
}
