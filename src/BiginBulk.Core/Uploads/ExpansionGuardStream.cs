namespace BiginBulk.Core.Uploads;

/// <summary>
/// A read-only, forward-only view of a decompressing stream that throws as soon as more bytes come out than
/// the limits allow. The upload was inspected already; this is defence in depth for the worker, in case the
/// stored zip and the inspection ever disagree.
/// </summary>
internal sealed class ExpansionGuardStream(Stream inner, string entryName, long compressedBytes, ZipLimits limits) : Stream
{
    private long _bytes;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _bytes;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }

    private int Count(int read)
    {
        _bytes += read;
        var problem = limits.ExpansionProblem(entryName, _bytes, compressedBytes);
        return problem is null ? read : throw new InvalidDataException(problem);
    }
}
