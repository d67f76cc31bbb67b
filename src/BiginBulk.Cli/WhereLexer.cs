using System.Text;

namespace BiginBulk.Cli;

/// <summary>Splits a --where expression into words, quoted strings, numbers and symbols.</summary>
internal static class WhereLexer
{
    public static List<WhereToken> Tokenize(string text)
    {
        var tokens = new List<WhereToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (c is '"' or '\'')
            {
                var value = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new WhereSyntaxException($"the string starting here is not closed with {c}", start + 1);
                    }

                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        value.Append(text[i + 1]);
                        i += 2;
                        continue;
                    }

                    if (text[i] == c)
                    {
                        i++;
                        break;
                    }

                    value.Append(text[i++]);
                }

                tokens.Add(new WhereToken(WhereTokenKind.String, value.ToString(), start + 1));
                continue;
            }

            if (char.IsDigit(c) || (c == '-' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                i++;
                while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                tokens.Add(new WhereToken(WhereTokenKind.Number, text[start..i], start + 1));
                continue;
            }

            if (char.IsLetter(c) || c is '_' or '$')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.' or '$' or '{' or '}'))
                {
                    i++;
                }

                tokens.Add(new WhereToken(WhereTokenKind.Word, text[start..i], start + 1));
                continue;
            }

            var two = i + 1 < text.Length ? text.Substring(i, 2) : null;
            if (two is "!=" or "<>" or "<=" or ">=")
            {
                tokens.Add(new WhereToken(WhereTokenKind.Symbol, two, start + 1));
                i += 2;
                continue;
            }

            if (c is '(' or ')' or ',' or '=' or '<' or '>')
            {
                tokens.Add(new WhereToken(WhereTokenKind.Symbol, c.ToString(), start + 1));
                i++;
                continue;
            }

            throw new WhereSyntaxException($"unexpected character '{c}'", start + 1);
        }

        tokens.Add(new WhereToken(WhereTokenKind.End, "", text.Length + 1));
        return tokens;
    }
}
