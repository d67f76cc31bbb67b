namespace BiginBulk.Core.Ids;

/// <summary>
/// Makes Zoho-style ids: positive decimal numbers that fit in an Int64 (18–19 digits), because Zoho's
/// SDKs parse ids as <c>long</c>. Layout is time-ordered so ids sort by creation: milliseconds since
/// 2015-01-01 (41 bits) | node (10 bits) | sequence (12 bits). The node number keeps ids unique when
/// several server nodes share one database.
/// </summary>
public sealed class IdGenerator
{
    private static readonly DateTimeOffset Epoch = new(2015, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // Zoho ids are 18-19 digits; adding this floor keeps ours in that range from the first millisecond.
    private const long Floor = 100_000_000_000_000_000;

    private readonly Lock _lock = new();
    private readonly long _node;
    private readonly TimeProvider _time;
    private long _lastMillis = -1;
    private long _sequence;

    public IdGenerator(int node = 0, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(node);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(node, 1023);
        _node = node;
        _time = time ?? TimeProvider.System;
    }

    public long Next()
    {
        lock (_lock)
        {
            var millis = (long)(_time.GetUtcNow() - Epoch).TotalMilliseconds;
            if (millis < _lastMillis)
            {
                // The clock went backwards: keep counting from the last value rather than repeat an id.
                millis = _lastMillis;
            }

            if (millis == _lastMillis)
            {
                _sequence = (_sequence + 1) & 0xFFF;
                if (_sequence == 0)
                {
                    millis = _lastMillis + 1;
                }
            }
            else
            {
                _sequence = 0;
            }

            _lastMillis = millis;
            return Floor + ((millis << 22) | (_node << 12) | _sequence);
        }
    }
}
