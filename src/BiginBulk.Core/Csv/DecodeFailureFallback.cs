using System.Text;

namespace BiginBulk.Core.Csv;

/// <summary>
/// Replaces undecodable bytes with U+FFFD like the default fallback, but remembers that it had to. Detection
/// only sees the first 64 KiB; with this the reader can flag the rows that hold replacement characters
/// instead of importing them as if the text were fine.
/// </summary>
internal sealed class DecodeFailureFallback : DecoderFallback
{
    public bool Triggered { get; private set; }

    public override int MaxCharCount => 1;

    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

    private sealed class Buffer(DecodeFailureFallback owner) : DecoderFallbackBuffer
    {
        private int _remaining;

        public override int Remaining => _remaining;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            owner.Triggered = true;
            _remaining = 1;
            return true;
        }

        public override char GetNextChar()
        {
            if (_remaining == 0)
            {
                return '\0';
            }

            _remaining--;
            return '\uFFFD';
        }

        public override bool MovePrevious()
        {
            if (_remaining != 0)
            {
                return false;
            }

            _remaining = 1;
            return true;
        }

        public override void Reset() => _remaining = 0;
    }
}
