namespace BiginBulk.Storage.Callbacks;

/// <summary>One try at delivering a callback: when, what the receiver answered (or why it could not be reached), how long it took.</summary>
public sealed record CallbackAttempt(int Number, DateTimeOffset Time, int? HttpStatus, string? Error, int DurationMs)
{
    public bool Delivered => HttpStatus is >= 200 and < 300;
}
