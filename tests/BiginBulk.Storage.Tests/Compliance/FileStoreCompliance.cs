using BiginBulk.Storage.Files;

namespace BiginBulk.Storage.Tests.Compliance;

/// <summary>Uploaded zips: metadata and content, streamed both ways.</summary>
public abstract class FileStoreCompliance(StoreEngine engine) : StoreComplianceTests(engine)
{
    [Fact]
    public async Task File_metadata_round_trips_and_unknown_file_is_null()
    {
        var store = await NewOrgAsync();
        var content = RandomBytes(1_000, seed: 1);
        var file = new UploadedFile(NewId(), "Contacts (1).zip", "Contacts.csv", content.Length, AuditUser, T0);
        await store.SaveFileAsync(file, new MemoryStream(content));

        Assert.Equal(file, await store.GetFileAsync(file.Id));
        Assert.Null(await store.GetFileAsync(NewId()));
    }

    [Fact]
    public async Task A_multi_megabyte_blob_round_trips_byte_for_byte()
    {
        var store = await NewOrgAsync();
        var content = RandomBytes(5 * 1024 * 1024 + 17, seed: 2);
        var file = new UploadedFile(NewId(), "big.zip", "big.csv", content.Length, AuditUser, T0);
        await store.SaveFileAsync(file, new MemoryStream(content));

        using var stream = store.OpenFileContent(file.Id);
        var read = ReadAll(stream);

        Assert.Equal(content.Length, read.Length);
        Assert.True(content.AsSpan().SequenceEqual(read), "the stored blob differs from the uploaded bytes");
    }

    [Fact]
    public async Task The_content_stream_can_be_read_from_its_current_position()
    {
        var store = await NewOrgAsync();
        var content = RandomBytes(300_000, seed: 3);
        var file = new UploadedFile(NewId(), "a.zip", "a.csv", content.Length, AuditUser, T0);
        var source = new MemoryStream(content);
        await store.SaveFileAsync(file, source);

        using var stream = store.OpenFileContent(file.Id);
        var head = new byte[4];
        stream.ReadExactly(head);
        var rest = ReadAll(stream);

        Assert.Equal(content[..4], head);
        Assert.True(content.AsSpan(4).SequenceEqual(rest), "reading on after the first bytes gave other bytes");
    }

    [Fact]
    public async Task Files_of_one_org_are_apart_from_another_orgs_files_with_the_same_id()
    {
        var first = await NewOrgAsync();
        var second = await NewOrgAsync();
        var id = NewId();
        var a = RandomBytes(10_000, seed: 4);
        var b = RandomBytes(20_000, seed: 5);
        await first.SaveFileAsync(new UploadedFile(id, "a.zip", "a.csv", a.Length, AuditUser, T0), new MemoryStream(a));
        await second.SaveFileAsync(new UploadedFile(id, "b.zip", "b.csv", b.Length, AuditUser, T0), new MemoryStream(b));

        Assert.Equal("a.zip", (await first.GetFileAsync(id))!.ZipName);
        Assert.Equal("b.zip", (await second.GetFileAsync(id))!.ZipName);
        using var firstContent = first.OpenFileContent(id);
        using var secondContent = second.OpenFileContent(id);
        Assert.Equal(a, ReadAll(firstContent));
        Assert.Equal(b, ReadAll(secondContent));
        Assert.Null(await (await NewOrgAsync()).GetFileAsync(id));
    }

    [Fact]
    public async Task The_provider_hands_out_the_store_of_the_org_asked_for()
    {
        var store = await NewOrgAsync();

        Assert.Equal(store.OrgId, Engine.Orgs.For(store.OrgId).OrgId);
        var content = RandomBytes(100, seed: 6);
        var file = new UploadedFile(NewId(), "a.zip", "a.csv", content.Length, AuditUser, T0);
        await store.SaveFileAsync(file, new MemoryStream(content));
        Assert.Equal(file, await Engine.Orgs.For(store.OrgId).GetFileAsync(file.Id));
    }
}
