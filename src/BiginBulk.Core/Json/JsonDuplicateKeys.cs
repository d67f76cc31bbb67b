using System.Globalization;
using System.Text.Json;

namespace BiginBulk.Core.Json;

/// <summary>
/// Finds a key given twice in one JSON object. Request keys are matched case-insensitively (Zoho's own sample
/// spells <c>callBack</c>), so <c>callback</c> next to <c>callBack</c> is as ambiguous as the same key twice;
/// both are refused with the <c>json_path</c> of the second occurrence rather than silently picking one.
/// </summary>
public static class JsonDuplicateKeys
{
    /// <summary>The path of the first repeated key, or null when there is none (or the JSON is malformed,
    /// which the parser reports better).</summary>
    public static string? FindFirst(ReadOnlySpan<byte> json, int maxDepth = 64)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth });
        var frames = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var frame = frames[^1];
                        var name = reader.GetString()!;
                        if (!frame.Keys!.Add(name))
                        {
                            return $"{frame.Path}.{name}";
                        }

                        frame.Pending = name;
                        break;
                    case JsonTokenType.StartObject:
                        frames.Add(new Frame(ValuePath(frames), new HashSet<string>(StringComparer.OrdinalIgnoreCase)));
                        break;
                    case JsonTokenType.StartArray:
                        frames.Add(new Frame(ValuePath(frames), null));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    default:
                        ValuePath(frames);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }

    /// <summary>The path of the value starting now; counts it when it is an array item.</summary>
    private static string ValuePath(List<Frame> frames)
    {
        if (frames.Count == 0)
        {
            return "$";
        }

        var parent = frames[^1];
        if (parent.Keys is not null)
        {
            return $"{parent.Path}.{parent.Pending}";
        }

        parent.Index++;
        return string.Create(CultureInfo.InvariantCulture, $"{parent.Path}[{parent.Index}]");
    }

    private sealed class Frame(string path, HashSet<string>? keys)
    {
        public string Path { get; } = path;

        /// <summary>The keys seen so far; null for an array.</summary>
        public HashSet<string>? Keys { get; } = keys;

        public string? Pending { get; set; }

        public int Index { get; set; } = -1;
    }
}
