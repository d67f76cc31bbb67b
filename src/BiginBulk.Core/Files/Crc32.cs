namespace BiginBulk.Core.Files;

/// <summary>
/// The zip CRC-32 (polynomial 0xEDB88320). .NET's zip reader neither checks it nor reads past an entry's
/// declared size, so recomputing it is how a damaged entry, or one whose declared size lies, is caught.
/// System.IO.Hashing would provide it, but is not worth a package for twenty lines.
/// </summary>
internal struct Crc32
{
    private static readonly uint[] Table = BuildTable();

    private uint _state;

    public Crc32() => _state = 0xFFFFFFFFu;

    public readonly uint Value => ~_state;

    public void Append(ReadOnlySpan<byte> data)
    {
        var state = _state;
        foreach (var b in data)
        {
            state = Table[(state ^ b) & 0xFF] ^ (state >> 8);
        }

        _state = state;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < table.Length; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
