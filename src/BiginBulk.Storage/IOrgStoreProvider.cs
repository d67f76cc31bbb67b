namespace BiginBulk.Storage;

/// <summary>Hands out the store of one org; creating it (schema and all) on first use.</summary>
public interface IOrgStoreProvider
{
    IOrgStore For(long orgId);
}
