using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace BiginBulk.Core.Values;

/// <summary>Reading Java's pattern syntax (SimpleDateFormat / DateTimeFormatter) and writing .NET's.</summary>
public sealed partial class DateFormat
{
    /// <summary>How an offset field is written for .NET: each is one alternative the parser tries.</summary>
    private enum OffsetStyle
    {
        /// <summary><c>zzz</c>: <c>+05:30</c> or <c>+0530</c>.</summary>
        Full,

        /// <summary><c>z</c>: <c>+05</c> (Java's single <c>X</c>).</summary>
        HoursOnly,

        /// <summary>A literal <c>Z</c> read as UTC (Java's <c>X</c> writes UTC that way).</summary>
        UtcLetter,
    }

    /// <summary>Either a run of one pattern letter (<c>yyyy</c>) or literal text.</summary>
    private readonly record struct Token(char Letter, int Count, string? Literal)
    {
        public bool IsOffset => Literal is null && Letter is 'Z' or 'X' or 'x';
    }

    private static bool TryTokenize(string pattern, out List<Token> tokens, [NotNullWhen(false)] out string? error)
    {
        tokens = [];
        error = null;
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == '\'')
            {
                // Java quotes literal text with '...'; '' is one quote, inside or outside quotes.
                var literal = new StringBuilder();
                if (i + 1 < pattern.Length && pattern[i + 1] == '\'')
                {
                    tokens.Add(new Token('\0', 0, "'"));
                    i += 2;
                    continue;
                }

                i++;
                while (true)
                {
                    if (i >= pattern.Length)
                    {
                        error = "a quoted literal is not closed with '.";
                        return false;
                    }

                    if (pattern[i] == '\'')
                    {
                        if (i + 1 < pattern.Length && pattern[i + 1] == '\'')
                        {
                            literal.Append('\'');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    literal.Append(pattern[i++]);
                }

                tokens.Add(new Token('\0', 0, literal.ToString()));
            }
            else if (char.IsAsciiLetter(c))
            {
                var start = i;
                while (i < pattern.Length && pattern[i] == c)
                {
                    i++;
                }

                tokens.Add(new Token(c, i - start, null));
            }
            else
            {
                tokens.Add(new Token('\0', 0, c.ToString()));
                i++;
            }
        }

        return true;
    }

    private static bool TryValidate(List<Token> tokens, [NotNullWhen(false)] out string? error)
    {
        error = null;
        foreach (var token in tokens.Where(t => t.Literal is null))
        {
            error = token.Letter switch
            {
                'y' or 'M' or 'L' or 'E' or 'a' or 'Z' or 'X' or 'x' => null,
                'd' or 'H' or 'h' or 'm' or 's' when token.Count <= 2 => null,
                'd' or 'H' or 'h' or 'm' or 's' => $"'{new string(token.Letter, token.Count)}' has too many letters; use at most two.",
                'S' when token.Count <= 7 => null,
                'S' => "fractions of a second are supported to at most 7 digits (SSSSSSS).",
                'Y' => "'Y' is the week-based year; use 'y' for the calendar year.",
                'u' => "'u' means different things in Java's two pattern languages; use 'y' for the year.",
                'D' => "'D' is the day of the year; use 'd' for the day of the month.",
                'k' or 'K' => $"hour letter '{token.Letter}' is not supported; use 'H' (0-23) or 'h' (1-12) with 'a'.",
                'z' or 'V' or 'O' => "time-zone names are not supported; use an offset: 'Z', 'XXX' or 'xxx'.",
                _ => $"pattern letter '{token.Letter}' is not supported.",
            };
            if (error is not null)
            {
                return false;
            }
        }

        if (tokens.Count(t => t.IsOffset) > 1)
        {
            error = "the pattern has more than one offset field.";
            return false;
        }

        // .NET, unlike Java, fills a missing year with the current one; a date needs all three anyway.
        if (!tokens.Any(t => t.Letter == 'y') || !tokens.Any(t => t.Letter is 'M' or 'L') || !tokens.Any(t => t.Letter == 'd'))
        {
            error = "the pattern needs a year (y), a month (M) and a day (d).";
            return false;
        }

        return true;
    }

    private static bool TryRender(
        List<Token> tokens,
        bool relaxed,
        OffsetStyle offsetStyle,
        [NotNullWhen(true)] out string? pattern,
        [NotNullWhen(false)] out string? error)
    {
        var builder = new StringBuilder();
        var lastFieldLetter = '\0';
        foreach (var token in tokens)
        {
            if (token.Literal is not null)
            {
                foreach (var c in token.Literal)
                {
                    AppendLiteral(builder, c);
                }

                lastFieldLetter = '\0';
                continue;
            }

            var field = RenderField(token, relaxed, offsetStyle);
            if (field.Length > 0 && field[0] == lastFieldLetter)
            {
                // e.g. Java "EEEd" would become .NET "dddd" (a day name): .NET can't separate them.
                pattern = null;
                error = "two adjacent fields would read as one; put a separator between them.";
                return false;
            }

            builder.Append(field);
            lastFieldLetter = field[0] == '\\' ? '\0' : field[^1];
        }

        pattern = builder.ToString();
        error = null;
        return true;
    }

    private static string RenderField(Token token, bool relaxed, OffsetStyle offsetStyle)
    {
        // A one-letter numeric field in .NET reads one or two digits, greedily, so "M/d" accepts "03/01"
        // and "3/1" — and "yyyyMd" still splits "20240301" correctly.
        var numericCount = relaxed ? 1 : token.Count;
        return token.Letter switch
        {
            'y' => token.Count == 2 ? "yy" : "yyyy",
            'M' or 'L' => token.Count switch { 1 or 2 => new string('M', numericCount), 3 => "MMM", _ => "MMMM" },
            'd' or 'H' or 'h' or 'm' or 's' => new string(token.Letter, numericCount),
            'S' => new string('f', token.Count),
            'a' => "tt",
            'E' => token.Count <= 3 ? "ddd" : "dddd",
            'Z' or 'X' or 'x' => offsetStyle switch
            {
                OffsetStyle.Full => "zzz",
                OffsetStyle.HoursOnly => "z",
                _ => "\\Z",
            },
            _ => throw new InvalidOperationException($"Unvalidated pattern letter '{token.Letter}'."),
        };
    }

    private static void AppendLiteral(StringBuilder builder, char c)
    {
        // Letters and these symbols mean something in a .NET format string ('/' and ':' are the culture's
        // separators); escaping them keeps the literal literal whatever the culture.
        if (char.IsAsciiLetter(c) || c is '/' or ':' or '"' or '\'' or '%' or '\\' or '.')
        {
            builder.Append('\\');
        }

        builder.Append(c);
    }
}
