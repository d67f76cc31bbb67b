using BiginBulk.Server.Options;
using BiginBulk.Storage;
using BiginBulk.Storage.Auth;
using BiginBulk.Storage.PostgreSql;
using BiginBulk.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace BiginBulk.Server.Persistence;

/// <summary>
/// Picks the store from <c>BiginBulk:Storage:Provider</c>: <c>Sqlite</c> (the default: files under the data
/// directory) or <c>PostgreSql</c> (the database named by <c>ConnectionStrings:BiginBulk</c>, shared by every node).
/// A bad choice stops the server at start, with a message that says what to set, rather than at first request.
/// </summary>
internal static class StorageRegistration
{
    public const string ProviderKey = "BiginBulk:Storage:Provider";
    public const string ConnectionStringName = "BiginBulk";

    public static IServiceCollection AddBiginBulkStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(provider) || string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<ISystemStore>(sp => new SqliteSystemStore(sp.GetRequiredService<IOptions<BiginBulkOptions>>().Value.DataDirectory));
            services.AddSingleton<IOrgStoreProvider>(sp => new SqliteOrgStoreProvider(sp.GetRequiredService<IOptions<BiginBulkOptions>>().Value.DataDirectory));
            return services;
        }

        if (!string.Equals(provider, "PostgreSql", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{ProviderKey} is '{provider}'; it must be Sqlite (the default) or PostgreSql.");
        }

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"{ProviderKey} is PostgreSql but ConnectionStrings:{ConnectionStringName} is not set. Set it, for example "
                + "ConnectionStrings__BiginBulk=\"Host=127.0.0.1;Port=5432;Database=biginbulk;Username=biginbulk;Password=…\".");
        }

        services.AddSingleton<ISystemStore>(sp =>
        {
            // The data directory still holds bootstrap.json; SQLite's stores create it, so here it is made explicitly.
            Directory.CreateDirectory(sp.GetRequiredService<IOptions<BiginBulkOptions>>().Value.DataDirectory);
            return new PostgreSqlSystemStore(connectionString);
        });
        services.AddSingleton<IOrgStoreProvider>(new PostgreSqlOrgStoreProvider(connectionString));
        return services;
    }
}
