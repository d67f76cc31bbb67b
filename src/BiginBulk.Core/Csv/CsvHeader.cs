using System.Diagnostics.CodeAnalysis;

namespace BiginBulk.Core.Csv;

/// <summary>
/// The header of an uploaded CSV as checked at job creation: the column names, delimiter and encoding, or a
/// problem with a message precise enough for the user to fix the file.
/// </summary>
public sealed record CsvHeader
{
    private CsvHeader()
    {
    }

    /// <summary>True when the header is usable; then the other properties are set and <see cref="Problem"/> is null.</summary>
    [MemberNotNullWhen(true, nameof(EncodingName))]
    [MemberNotNullWhen(false, nameof(Problem), nameof(Message))]
    public bool IsValid => Problem is null;

    /// <summary>The column names, trimmed, in file order.</summary>
    public IReadOnlyList<string> Columns { get; private init; } = [];

    /// <summary>The delimiter detected from the header row.</summary>
    public char Delimiter { get; private init; }

    /// <summary>The canonical encoding name, reported as the job's <c>character_encoding</c>.</summary>
    public string? EncodingName { get; private init; }

    /// <summary>What is wrong, when the header is refused.</summary>
    public CsvHeaderProblem? Problem { get; private init; }

    /// <summary>A sentence for the user, naming the offending column when there is one.</summary>
    public string? Message { get; private init; }

    public static CsvHeader Valid(IReadOnlyList<string> columns, char delimiter, string encodingName) =>
        new() { Columns = columns, Delimiter = delimiter, EncodingName = encodingName };

    public static CsvHeader Invalid(CsvHeaderProblem problem, string message) =>
        new() { Problem = problem, Message = message };
}
