using BiginBulk.Core.Modules;

namespace BiginBulk.Core.BulkWrite;

/// <summary>
/// Every key a chunk of rows needs the store to answer, collected before any row is decided: record ids
/// whose existence matters (find_by id, lookups by id) and key values per field (find_by values, unique
/// fields, lookups by name). Text values are already folded (see <see cref="TextKey"/>).
/// </summary>
public sealed class ChunkKeys
{
    private readonly Dictionary<string, (ModuleDefinition Module, HashSet<long> Ids)> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Module, string Field), ValueKeys> _values = [];

    /// <summary>Per module, the ids to check.</summary>
    public IEnumerable<(ModuleDefinition Module, IReadOnlyCollection<long> Ids)> Ids =>
        _ids.Values.Select(e => (e.Module, (IReadOnlyCollection<long>)e.Ids));

    /// <summary>Per module and field, the key values to look up.</summary>
    public IEnumerable<ValueKeys> Values => _values.Values;

    public bool IsEmpty => _ids.Count == 0 && _values.Count == 0;

    public void AddId(ModuleDefinition module, long id)
    {
        if (!_ids.TryGetValue(module.ApiName, out var entry))
        {
            entry = (module, []);
            _ids[module.ApiName] = entry;
        }

        entry.Ids.Add(id);
    }

    /// <summary>Adds the key of a typed value of <paramref name="field"/>.</summary>
    public void AddValue(ModuleDefinition module, FieldDefinition field, object value)
    {
        if (!_values.TryGetValue((module.ApiName, field.ApiName), out var keys))
        {
            keys = new ValueKeys(module, field);
            _values[(module.ApiName, field.ApiName)] = keys;
        }

        keys.Keys.Add(TextKey.Of(field, value));
        if (value is string spelling && TextKey.IsText(field.Type))
        {
            keys.Spellings.Add(spelling);
        }
    }

    /// <summary>The keys of one field: folded text or typed values, each once.</summary>
    public sealed class ValueKeys(ModuleDefinition module, FieldDefinition field)
    {
        public ModuleDefinition Module { get; } = module;

        public FieldDefinition Field { get; } = field;

        public HashSet<object> Keys { get; } = [];

        /// <summary>Text keys as the rows spell them. A store whose comparison folds less than
        /// <see cref="TextKey.Fold"/> does (SQLite's NOCASE folds ASCII letters only) looks these up as well as
        /// <see cref="Keys"/>: a stored <c>Étoile</c> is then found by a row's <c>Étoile</c>, which its folded key
        /// <c>étoile</c> alone would miss, and which the store's unique index would call equal. Core still decides
        /// which answers match by folding what the store hands back.</summary>
        public HashSet<string> Spellings { get; } = new(StringComparer.Ordinal);
    }
}
