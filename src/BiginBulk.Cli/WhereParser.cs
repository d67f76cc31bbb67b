using System.Globalization;
using BiginBulk.Client;

namespace BiginBulk.Cli;

/// <summary>
/// Turns a readable --where expression into bulk read criteria, by recursive descent:
/// <code>
/// or        := and ("or" and)*
/// and       := primary ("and" primary)*
/// primary   := "(" or ")" | condition
/// condition := FIELD comparator value
/// value     := STRING | NUMBER | true | false | ${EMPTY} | "(" value ("," value)* ")"
/// </code>
/// Comparators are symbols (<c>= != &lt; &lt;= &gt; &gt;=</c>) or Zoho's names (<c>in</c>, <c>starts_with</c>, …).
/// Errors name the 1-based column where the expression stops making sense.
/// </summary>
internal sealed class WhereParser
{
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["="] = "equal", ["!="] = "not_equal", ["<>"] = "not_equal",
        ["<"] = "less_than", ["<="] = "less_equal", [">"] = "greater_than", [">="] = "greater_equal",
    };

    private static readonly HashSet<string> Named = new(StringComparer.OrdinalIgnoreCase)
    {
        "equal", "not_equal", "in", "not_in", "contains", "not_contains", "starts_with", "ends_with",
        "less_than", "less_equal", "greater_than", "greater_equal", "between", "not_between",
    };

    private readonly List<WhereToken> _tokens;
    private int _position;

    private WhereParser(List<WhereToken> tokens) => _tokens = tokens;

    private WhereToken Current => _tokens[_position];

    public static Criteria Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var parser = new WhereParser(WhereLexer.Tokenize(expression));
        if (parser.Current.Kind == WhereTokenKind.End)
        {
            throw new WhereSyntaxException("the expression is empty", 1);
        }

        var criteria = parser.ParseOr();
        if (parser.Current.Kind != WhereTokenKind.End)
        {
            throw new WhereSyntaxException($"expected 'and', 'or' or the end, found {Describe(parser.Current)}", parser.Current.Column);
        }

        return criteria;
    }

    private Criteria ParseOr()
    {
        var members = new List<Criteria> { ParseAnd() };
        while (IsKeyword("or"))
        {
            _position++;
            members.Add(ParseAnd());
        }

        return Criteria.Or([.. members]);
    }

    private Criteria ParseAnd()
    {
        var members = new List<Criteria> { ParsePrimary() };
        while (IsKeyword("and"))
        {
            _position++;
            members.Add(ParsePrimary());
        }

        return Criteria.And([.. members]);
    }

    private Criteria ParsePrimary()
    {
        if (IsSymbol("("))
        {
            _position++;
            var inner = ParseOr();
            Expect(")", "to close the group");
            return inner;
        }

        var field = Current;
        if (field.Kind != WhereTokenKind.Word || IsKeyword("and") || IsKeyword("or"))
        {
            throw new WhereSyntaxException($"expected a field name, found {Describe(field)}", field.Column);
        }

        _position++;
        var op = Current;
        string comparator;
        if (op.Kind == WhereTokenKind.Symbol && Symbols.TryGetValue(op.Text, out var named))
        {
            comparator = named;
        }
        else if (op.Kind == WhereTokenKind.Word && Named.Contains(op.Text))
        {
            comparator = op.Text.ToLowerInvariant();
        }
        else
        {
            throw new WhereSyntaxException($"expected a comparator (=, !=, <, <=, >, >=, in, not_in, contains, starts_with, ends_with, between, …) after {field.Text}, found {Describe(op)}", op.Column);
        }

        _position++;
        var valueToken = Current;
        var value = ParseValue();
        var isList = value is object[];
        if (comparator is "in" or "not_in" or "between" or "not_between" && !isList)
        {
            throw new WhereSyntaxException($"{comparator} takes a list in parentheses, e.g. (\"a\",\"b\")", valueToken.Column);
        }

        if (comparator is "between" or "not_between" && ((object[])value).Length != 2)
        {
            throw new WhereSyntaxException($"{comparator} takes exactly two values", valueToken.Column);
        }

        if (isList && comparator is not ("in" or "not_in" or "between" or "not_between"))
        {
            throw new WhereSyntaxException($"{comparator} takes a single value, not a list", valueToken.Column);
        }

        return Criteria.Condition(field.Text, comparator, value);
    }

    private object ParseValue()
    {
        var token = Current;
        if (IsSymbol("("))
        {
            _position++;
            var values = new List<object> { ParseScalar() };
            while (IsSymbol(","))
            {
                _position++;
                values.Add(ParseScalar());
            }

            Expect(")", "to close the list");
            return values.ToArray();
        }

        return token.Kind == WhereTokenKind.End
            ? throw new WhereSyntaxException("expected a value, found the end of the expression", token.Column)
            : ParseScalar();
    }

    private object ParseScalar()
    {
        var token = Current;
        _position++;
        switch (token.Kind)
        {
            case WhereTokenKind.String:
                return token.Text;
            case WhereTokenKind.Number when token.Text.Contains('.', StringComparison.Ordinal):
                return decimal.Parse(token.Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            case WhereTokenKind.Number:
                return long.Parse(token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            case WhereTokenKind.Word when token.Text is "true" or "false":
                return token.Text == "true";
            case WhereTokenKind.Word when token.Text == "${EMPTY}":
                return token.Text;
            default:
                _position--;
                throw new WhereSyntaxException($"expected a value (a \"quoted string\", a number, true or false), found {Describe(token)}", token.Column);
        }
    }

    private void Expect(string symbol, string why)
    {
        if (!IsSymbol(symbol))
        {
            throw new WhereSyntaxException($"expected '{symbol}' {why}, found {Describe(Current)}", Current.Column);
        }

        _position++;
    }

    private bool IsSymbol(string symbol) => Current.Kind == WhereTokenKind.Symbol && Current.Text == symbol;

    private bool IsKeyword(string word) => Current.Kind == WhereTokenKind.Word && string.Equals(Current.Text, word, StringComparison.OrdinalIgnoreCase);

    private static string Describe(WhereToken token) => token.Kind switch
    {
        WhereTokenKind.End => "the end of the expression",
        WhereTokenKind.String => $"\"{token.Text}\"",
        _ => $"'{token.Text}'",
    };
}
