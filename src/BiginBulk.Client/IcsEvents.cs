using System.Runtime.CompilerServices;
using System.Text;

namespace BiginBulk.Client;

/// <summary>Reads the VEVENTs of an RFC 5545 calendar as property → value maps (folded lines joined, parameters dropped).</summary>
internal static class IcsEvents
{
    public static async IAsyncEnumerable<IReadOnlyDictionary<string, string>> ReadAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Dictionary<string, string>? current = null;
        await foreach (var line in UnfoldAsync(reader, cancellationToken))
        {
            if (line == "BEGIN:VEVENT")
            {
                current = new Dictionary<string, string>(StringComparer.Ordinal);
                continue;
            }

            if (line == "END:VEVENT" && current is not null)
            {
                yield return current;
                current = null;
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (current is null || colon <= 0)
            {
                continue;
            }

            var name = line[..colon];
            var semicolon = name.IndexOf(';', StringComparison.Ordinal);
            current[semicolon < 0 ? name : name[..semicolon]] = line[(colon + 1)..];
        }
    }

    private static async IAsyncEnumerable<string> UnfoldAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pending = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            // A line starting with a space or tab continues the one before (RFC 5545 §3.1).
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
            {
                pending.Append(line, 1, line.Length - 1);
                continue;
            }

            if (pending.Length > 0)
            {
                yield return pending.ToString();
                pending.Clear();
            }

            pending.Append(line);
        }

        if (pending.Length > 0)
        {
            yield return pending.ToString();
        }
    }
}
