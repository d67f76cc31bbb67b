using Npgsql;
using NpgsqlTypes;

namespace BiginBulk.Storage.PostgreSql;

/// <summary>
/// A read-only, seekable view of one bytea value. ZipArchive needs to seek (it reads the central directory at
/// the end first), and Npgsql's column streams only go forward, so this reads the value in slices with
/// <c>substring()</c>; with the column's STORAGE EXTERNAL, PostgreSQL fetches only the TOAST chunks a slice
/// covers. Memory stays at one slice whatever the file size. Owns (and disposes) its connection.
/// </summary>
internal sealed class PostgreSqlBlobStream : Stream
{
    private const int SliceBytes = 256 * 1024;

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlCommand _slice;
    private byte[] _buffer = [];
    private long _bufferStart;
    private long _position;

    private PostgreSqlBlobStream(NpgsqlConnection connection, string table, string column, long id, long length)
    {
        _connection = connection;
        Length = length;
        _slice = connection.Command(
            $"SELECT substring({column} FROM @from FOR @count) FROM {table} WHERE id = @id",
            new NpgsqlParameter("from", NpgsqlDbType.Integer), new NpgsqlParameter("count", NpgsqlDbType.Integer),
            new NpgsqlParameter("id", NpgsqlDbType.Bigint) { Value = id });
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length { get; }

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    /// <summary>Opens the value, or returns null when the row does not exist or the value is NULL.
    /// <paramref name="table"/> and <paramref name="column"/> are our own identifiers, never input.</summary>
    public static PostgreSqlBlobStream? Open(NpgsqlConnection connection, string table, string column, long id)
    {
        try
        {
            using var length = connection.Command($"SELECT octet_length({column}) FROM {table} WHERE id = @id", new NpgsqlParameter("id", id));
            if (length.ExecuteScalar() is not int bytes)
            {
                connection.Dispose();
                return null;
            }

            return new PostgreSqlBlobStream(connection, table, column, id, bytes);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position >= Length || buffer.IsEmpty)
        {
            return 0;
        }

        if (_position < _bufferStart || _position >= _bufferStart + _buffer.Length)
        {
            Fill(_position);
        }

        var available = _buffer.AsSpan((int)(_position - _bufferStart));
        var copied = Math.Min(available.Length, buffer.Length);
        available[..copied].CopyTo(buffer);
        _position += copied;
        return copied;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => Length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _slice.Dispose();
            _connection.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Fill(long start)
    {
        // substring() counts from 1.
        _slice.Parameters[0].Value = checked((int)start + 1);
        _slice.Parameters[1].Value = SliceBytes;
        _buffer = _slice.ExecuteScalar() as byte[] ?? throw new IOException("The stored file went away while it was being read.");
        _bufferStart = start;
        if (_buffer.Length == 0)
        {
            throw new IOException("The stored file is shorter than its recorded length.");
        }
    }
}
