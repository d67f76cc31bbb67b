using BiginBulk.Core.Modules;

namespace BiginBulk.Core.BulkWrite;

/// <summary>
/// What the store holds for a chunk's keys, as it stood before the chunk: which of the asked ids exist, and
/// which records hold each key value. The store adds the values it holds and Core folds them (see
/// <see cref="TextKey"/>), so the store never decides what "the same key" means.
/// </summary>
public sealed class ChunkAnswers
{
    /// <summary>At most this many holders per key are needed: "none/one/several" and the oldest, plus a few
    /// for holders that earlier rows of the chunk moved off the value.</summary>
    public const int HoldersPerKey = 8;

    private readonly HashSet<(string Module, long Id)> _existing = [];
    private readonly Dictionary<(string Module, string Field, object Key), List<long>> _holders = [];

    public void AddExisting(ModuleDefinition module, long id) => _existing.Add((module.ApiName, id));

    /// <summary>Records that record <paramref name="id"/> holds <paramref name="value"/> (a typed value) in <paramref name="field"/>.</summary>
    public void AddHolder(ModuleDefinition module, FieldDefinition field, object value, long id)
    {
        var key = (module.ApiName, field.ApiName, TextKey.Of(field, value));
        if (!_holders.TryGetValue(key, out var ids))
        {
            ids = [];
            _holders[key] = ids;
        }

        ids.Add(id);
    }

    public bool Exists(ModuleDefinition module, long id) => _existing.Contains((module.ApiName, id));

    /// <summary>The stored records holding a key, oldest (lowest id) first.</summary>
    public IReadOnlyList<long> Holders(ModuleDefinition module, FieldDefinition field, object key)
    {
        if (!_holders.TryGetValue((module.ApiName, field.ApiName, key), out var ids))
        {
            return [];
        }

        ids.Sort();
        return ids;
    }
}
