namespace BiginBulk.Core.Csv;

/// <summary>
/// Sits between the decoded text and Sylvan and cuts over-long records out of the stream, so one bad row
/// cannot end the import. Sylvan throws <c>CsvRecordTooLargeException</c> for a record that does not fit its
/// buffer and cannot go on after it, which lost every later row. This reader tracks record boundaries with the
/// same quoting rules (a quote opens a value only at the start of a field; inside, a doubled quote is a quote),
/// holds back the record being read, and when it grows past the limit drops it and passes a one-character
/// marker record in its place, then resumes at the next record boundary. So memory stays bounded by the limit
/// and the row numbering stays the file's.
/// </summary>
/// <remarks>
/// The markers are lone low surrogates: a decoder never produces one (it replaces unpaired surrogates), so a
/// record made of one cannot come from the file. <see cref="TooLongMarker"/> stands for a record that ended;
/// <see cref="NeverClosedMarker"/> for one whose quoted value was still open at the end of the file, after which
/// there is nothing to resume.
/// </remarks>
internal sealed class CsvRecordGuard : TextReader
{
    /// <summary>Replaces a record longer than the limit that ends at a line break or the end of the file.</summary>
    public const char TooLongMarker = '\uDC01';

    /// <summary>Replaces a record longer than the limit whose quoted value is never closed.</summary>
    public const char NeverClosedMarker = '\uDC02';

    private const int ChunkSize = 16 * 1024;

    private readonly TextReader _inner;
    private readonly char _delimiter;
    private readonly int _maxRecordLength;
    private readonly char[] _in = new char[ChunkSize];

    // _out holds the records ready to hand out, [_outStart, _ready), then the record being read, [_ready, _outLength).
    private readonly char[] _out;
    private int _outStart;
    private int _ready;
    private int _outLength;
    private State _state = State.FieldStart;
    private bool _dropping;
    private bool _eof;

    public CsvRecordGuard(TextReader inner, char delimiter, int maxRecordLength)
    {
        _inner = inner;
        _delimiter = delimiter;
        _maxRecordLength = maxRecordLength;
        _out = new char[maxRecordLength + ChunkSize + 16];
    }

    private enum State
    {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }

    public override int Read(Span<char> buffer)
    {
        while (_outStart == _ready && !(_eof && _ready == _outLength))
        {
            Compact();
            var read = _inner.Read(_in, 0, _in.Length);
            Scan(read);
        }

        return Emit(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
    {
        while (_outStart == _ready && !(_eof && _ready == _outLength))
        {
            Compact();
            var read = await _inner.ReadAsync(_in.AsMemory(), cancellationToken).ConfigureAwait(false);
            Scan(read);
        }

        return Emit(buffer.Span);
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override Task<int> ReadAsync(char[] buffer, int index, int count) => ReadAsync(buffer.AsMemory(index, count)).AsTask();

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Emit(Span<char> buffer)
    {
        var count = Math.Min(buffer.Length, _ready - _outStart);
        _out.AsSpan(_outStart, count).CopyTo(buffer);
        _outStart += count;
        return count;
    }

    /// <summary>Moves the record being read to the front, once every ready record was handed out.</summary>
    private void Compact()
    {
        var pending = _outLength - _ready;
        _out.AsSpan(_ready, pending).CopyTo(_out);
        _outStart = 0;
        _ready = 0;
        _outLength = pending;
    }

    private void Scan(int read)
    {
        if (read == 0)
        {
            _eof = true;
            if (_dropping)
            {
                _dropping = false;
                Append(_state == State.Quoted ? NeverClosedMarker : TooLongMarker);
            }

            _ready = _outLength;
            return;
        }

        var p = 0;
        while (p < read)
        {
            var rest = _in.AsSpan(p, read - p);
            switch (_state)
            {
                case State.FieldStart:
                    var c = rest[0];
                    p++;
                    if (c is '\r' or '\n')
                    {
                        EndRecord(c);
                        continue;
                    }

                    _state = c == '"' ? State.Quoted : c == _delimiter ? State.FieldStart : State.Unquoted;
                    Append(c);
                    break;
                case State.Unquoted:
                    var end = rest.IndexOfAny(_delimiter, '\r', '\n');
                    var text = end < 0 ? rest : rest[..end];
                    Append(text);
                    p += text.Length;
                    if (end >= 0)
                    {
                        // The delimiter or line break is handled as the start of the next field.
                        _state = State.FieldStart;
                    }

                    break;
                case State.Quoted:
                    var quote = rest.IndexOf('"');
                    var quoted = quote < 0 ? rest : rest[..(quote + 1)];
                    Append(quoted);
                    p += quoted.Length;
                    if (quote >= 0)
                    {
                        _state = State.QuoteInQuoted;
                    }

                    break;
                default:
                    if (rest[0] == '"')
                    {
                        // A doubled quote inside a quoted value.
                        Append('"');
                        p++;
                        _state = State.Quoted;
                    }
                    else
                    {
                        // The value closed. Text after the closing quote is Sylvan's to report; the boundaries
                        // it sees are the same as ours.
                        _state = rest[0] is '\r' or '\n' || rest[0] == _delimiter ? State.FieldStart : State.Unquoted;
                    }

                    break;
            }
        }
    }

    private void EndRecord(char lineBreak)
    {
        if (_dropping)
        {
            _dropping = false;
            Append(TooLongMarker);
            lineBreak = '\n';
        }

        Append(lineBreak);
        _ready = _outLength;
        _state = State.FieldStart;
    }

    private void Append(char c) => Append([c]);

    private void Append(ReadOnlySpan<char> text)
    {
        if (_dropping)
        {
            return;
        }

        text.CopyTo(_out.AsSpan(_outLength));
        _outLength += text.Length;
        if (_outLength - _ready > _maxRecordLength)
        {
            // Past the limit: forget what was held of this record and skip the rest of it.
            _outLength = _ready;
            _dropping = true;
        }
    }
}
