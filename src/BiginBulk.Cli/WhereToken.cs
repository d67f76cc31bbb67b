namespace BiginBulk.Cli;

internal enum WhereTokenKind
{
    Word,
    String,
    Number,
    Symbol,
    End,
}

/// <summary>One token of a --where expression; <see cref="Column"/> is 1-based.</summary>
internal readonly record struct WhereToken(WhereTokenKind Kind, string Text, int Column);
