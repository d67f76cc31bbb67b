using BiginBulk.Server.Persistence;

namespace BiginBulk.Server.Options;

/// <summary>What an operator needs to know on every start: which store, which data directory, which node.</summary>
internal static partial class StartupLog
{
    public static void Write(ILogger logger, IConfiguration configuration, BiginBulkOptions options)
    {
        // Once per start: computing the description eagerly costs nothing worth guarding.
        var store = StorageRegistration.Describe(configuration, options.DataDirectory);
        LogStore(logger, store);
        LogNode(logger, options.DataDirectory, options.NodeId);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Store: {Store}")]
    private static partial void LogStore(ILogger logger, string store);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Data directory: {DataDirectory}; node id {NodeId}")]
    private static partial void LogNode(ILogger logger, string dataDirectory, int nodeId);
}
