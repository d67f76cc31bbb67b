namespace BiginBulk.Storage.Jobs;

/// <summary>
/// A worker's claim on a job: who holds it and until when. A worker renews its lease with every chunk it
/// commits; a chunk committed after the lease passed to another worker is refused, so two nodes never both
/// apply the same rows. <see cref="Owner"/> is <c>{node id}:{process guid}</c>, which lets a restarted node
/// release its dead predecessor's leases at once instead of waiting for them to expire.
/// </summary>
public sealed record JobLease(string Owner, DateTimeOffset Now, TimeSpan Duration)
{
    public DateTimeOffset Expires => Now + Duration;
}
