using System.Globalization;
using System.Reflection;

namespace BiginBulk.Storage.Relational;

/// <summary>
/// A schema's steps as versioned SQL files embedded in a dialect's assembly, named
/// <c>{schema}_{NNNN}_{what}.sql</c>: step N is file NNNN, and a released file is never edited (append a new
/// one). A line <c>-- @generated {name}</c> is replaced by the SQL of that generator, for DDL derived from the
/// module catalog (<see cref="RecordTables"/>), which is kept in code, in one place.
/// </summary>
public static class SchemaScripts
{
    public static IReadOnlyList<string> Load(Assembly assembly, string schema, IReadOnlyDictionary<string, Func<string>>? generators = null)
    {
        var prefix = schema + "_";
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var steps = new List<string>(names.Count);
        foreach (var name in names)
        {
            var number = int.Parse(name.AsSpan(prefix.Length, 4), NumberStyles.None, CultureInfo.InvariantCulture);
            if (number != steps.Count + 1)
            {
                throw new InvalidOperationException($"Schema step {name} is out of sequence: step {steps.Count + 1} was expected.");
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            steps.Add(Expand(reader.ReadToEnd(), name, generators));
        }

        return steps;
    }

    private static string Expand(string sql, string name, IReadOnlyDictionary<string, Func<string>>? generators)
    {
        const string Marker = "-- @generated ";
        var lines = sql.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.StartsWith(Marker, StringComparison.Ordinal))
            {
                var generator = line[Marker.Length..].Trim();
                lines[i] = generators is not null && generators.TryGetValue(generator, out var generate)
                    ? generate()
                    : throw new InvalidOperationException($"Schema step {name} names an unknown generator '{generator}'.");
            }
        }

        return string.Join('\n', lines);
    }
}
