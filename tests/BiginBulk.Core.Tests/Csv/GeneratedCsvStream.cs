using System.Globalization;
using System.Text;

namespace BiginBulk.Core.Tests.Csv;

/// <summary>
/// A non-seekable CSV of <c>rowCount</c> rows produced on demand, never materialised: it proves the reader
/// streams, since <see cref="BytesServed"/> shows how far into the file it has been read at any moment.
/// </summary>
internal sealed class GeneratedCsvStream(int rowCount) : Stream
{
    private readonly byte[] _line = new byte[128];
    private int _nextRow = -1; // -1 is the header
    private int _lineLength;
    private int _lineOffset;

    public long BytesServed { get; private set; }

    public static string Row(int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{index},Name {index},\"Street {index}, apt {index % 7}\",{index * 3}.5\n");

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length)
        {
            if (_lineOffset == _lineLength)
            {
                if (_nextRow >= rowCount)
                {
                    break;
                }

                var text = _nextRow < 0 ? "Id,Last_Name,Mailing_Street,Amount\n" : Row(_nextRow + 1);
                _lineLength = Encoding.UTF8.GetBytes(text, _line);
                _lineOffset = 0;
                _nextRow++;
            }

            var count = Math.Min(buffer.Length - written, _lineLength - _lineOffset);
            _line.AsSpan(_lineOffset, count).CopyTo(buffer[written..]);
            _lineOffset += count;
            written += count;
        }

        BytesServed += written;
        return written;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer, offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
