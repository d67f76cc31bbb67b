namespace BiginBulk.Storage.Jobs;

/// <summary>Which kind of bulk job a lease, a claim or a callback concerns.</summary>
public enum JobKind
{
    Write,
    Read,
}
