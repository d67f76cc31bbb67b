using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BiginBulk.Core.BulkRead;
using BiginBulk.Core.Errors;
using BiginBulk.Core.Modules;

namespace BiginBulk.Core.Search;

/// <summary>
/// Parses the search API's <c>criteria</c> parameter, <c>((Last_Name:equals:Burns)and(First_Name:starts_with:Ma))</c>,
/// by hand (one pass, no regular expressions), into the bulk read criteria JSON, then lets
/// <see cref="CriteriaParser"/> type and check every value: search and bulk read share one
/// <see cref="Criteria"/> tree, one comparator table and one SQL builder. In a value, <c>\(</c>, <c>\)</c>,
/// <c>\,</c>, <c>\:</c> and <c>\\</c> stand for the character itself. One level of parentheses joins its
/// terms with one operator: mixing <c>and</c> and <c>or</c> needs inner parentheses, as Zoho asks.
/// </summary>
public sealed class SearchCriteriaParser
{
    /// <summary>"You can search for a maximum of 10 criteria" (Zoho's search page).</summary>
    public const int MaxConditions = 10;

    public const string InvalidQuery = "INVALID_QUERY";

    private static readonly Dictionary<string, string> Operators = new(StringComparer.OrdinalIgnoreCase)
    {
        ["equals"] = "equal", ["not_equal"] = "not_equal", ["starts_with"] = "starts_with", ["ends_with"] = "ends_with",
        ["contains"] = "contains", ["not_contains"] = "not_contains", ["in"] = "in", ["not_in"] = "not_in",
        ["greater_than"] = "greater_than", ["greater_equal"] = "greater_equal", ["less_than"] = "less_than",
        ["less_equal"] = "less_equal", ["between"] = "between", ["not_between"] = "not_between",
    };

    private readonly string _text;
    private int _position;
    private int _conditions;

    private SearchCriteriaParser(string text) => _text = text;

    /// <summary>The criteria tree for <paramref name="criteria"/>, or a 400 <c>INVALID_QUERY</c> naming what is wrong and where.</summary>
    public static Criteria Parse(string criteria, ModuleDefinition module, Func<string, ModuleDefinition?> findModule)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var parser = new SearchCriteriaParser(criteria.Trim());
        var json = parser.ParseGroup();
        if (parser._position != parser._text.Length)
        {
            throw parser.Error("unexpected text after the closing parenthesis");
        }

        if (parser._conditions > MaxConditions)
        {
            throw new ZohoErrorException(new ZohoError(400, InvalidQuery,
                $"the criteria has {parser._conditions.ToString(CultureInfo.InvariantCulture)} conditions; at most {MaxConditions.ToString(CultureInfo.InvariantCulture)} are allowed.",
                new JsonObject { ["param_name"] = "criteria", ["reason"] = "criteria limit exceeded", ["max_limit"] = MaxConditions }));
        }

        try
        {
            return CriteriaParser.Parse(json, module, findModule, MaxConditions, "criteria");
        }
        catch (ZohoErrorException ex) when (ex.Error.HttpStatus == 400)
        {
            // The shared checks speak bulk read's codes; the search API answers INVALID_QUERY for all of them.
            var details = (JsonObject)ex.Error.Details.DeepClone();
            details.Remove("json_path");
            details["param_name"] = "criteria";
            details["reason"] = ex.Error.Message;
            throw new ZohoErrorException(new ZohoError(400, InvalidQuery, "invalid query formed", details));
        }
    }

    /// <summary><c>( condition )</c> or <c>( group op group op … )</c>.</summary>
    private JsonObject ParseGroup()
    {
        Expect('(');
        SkipSpaces();
        if (Peek() != '(')
        {
            var condition = ParseCondition();
            Expect(')');
            return condition;
        }

        var terms = new JsonArray { ParseGroup() };
        string? op = null;
        while (true)
        {
            SkipSpaces();
            if (Peek() == ')')
            {
                _position++;
                break;
            }

            var word = ReadWord();
            if (!word.Equals("and", StringComparison.OrdinalIgnoreCase) && !word.Equals("or", StringComparison.OrdinalIgnoreCase))
            {
                throw Error(word.Length == 0 ? "expected and, or or a closing parenthesis" : $"expected and or or, found '{word}'");
            }

            if (op is not null && !op.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                throw Error("and and or are mixed at one level; group them with parentheses");
            }

            op = word.ToLowerInvariant();
            SkipSpaces();
            terms.Add(ParseGroup());
        }

        return terms.Count == 1 ? (JsonObject)terms[0]!.DeepClone() : new JsonObject { ["group_operator"] = op, ["group"] = terms };
    }

    /// <summary><c>Field:operator:value</c>, up to the first unescaped closing parenthesis.</summary>
    private JsonObject ParseCondition()
    {
        _conditions++;
        var start = _position;
        var field = ReadPart(':');
        if (Peek() != ':' || field.Length == 0)
        {
            throw Error("a condition is Field:operator:value", start);
        }

        _position++;
        var op = ReadPart(':');
        if (Peek() != ':')
        {
            throw Error("a condition is Field:operator:value", start);
        }

        _position++;
        if (!Operators.TryGetValue(op.Trim(), out var comparator))
        {
            throw new ZohoErrorException(new ZohoError(400, InvalidQuery, "invalid operator found", new JsonObject
            {
                ["param_name"] = "criteria", ["reason"] = $"unknown operator '{op}'", ["api_name"] = field.Trim(), ["operator"] = op,
                ["supported"] = new JsonArray([.. Operators.Keys.Select(k => (JsonNode)k)]),
            }));
        }

        var values = new List<string> { ReadValue() };
        var takesMany = comparator is "in" or "not_in" or "between" or "not_between";
        while (takesMany && Peek() == ',')
        {
            _position++;
            values.Add(ReadValue());
        }

        if (Peek() == ',')
        {
            throw Error($"{op} takes one value; escape a comma in a value as \\,");
        }

        JsonNode value = takesMany ? new JsonArray([.. values.Select(v => (JsonNode)v)]) : values[0];
        return new JsonObject { ["api_name"] = field.Trim(), ["comparator"] = comparator, ["value"] = value };
    }

    private string ReadPart(char stop)
    {
        var builder = new StringBuilder();
        while (_position < _text.Length && _text[_position] != stop && _text[_position] is not ('(' or ')'))
        {
            builder.Append(_text[_position++]);
        }

        return builder.ToString();
    }

    private string ReadValue()
    {
        var builder = new StringBuilder();
        while (_position < _text.Length && _text[_position] is not (')' or ','))
        {
            var c = _text[_position++];
            if (c == '\\' && _position < _text.Length)
            {
                c = _text[_position++];
            }
            else if (c == '(')
            {
                throw Error("a ( in a value must be escaped as \\(", _position - 1);
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private string ReadWord()
    {
        var start = _position;
        while (_position < _text.Length && char.IsAsciiLetter(_text[_position]))
        {
            _position++;
        }

        return _text[start.._position];
    }

    private void Expect(char c)
    {
        SkipSpaces();
        if (Peek() != c)
        {
            throw Error(_position >= _text.Length ? $"the criteria ends where '{c}' is expected" : $"expected '{c}'");
        }

        _position++;
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private void SkipSpaces()
    {
        while (_position < _text.Length && _text[_position] == ' ')
        {
            _position++;
        }
    }

    private ZohoErrorException Error(string reason, int? at = null) => new(new ZohoError(400, InvalidQuery, "invalid query formed", new JsonObject
    {
        ["param_name"] = "criteria",
        ["reason"] = reason,
        ["position"] = (at ?? _position) + 1,
    }));
}
