using System.Text;
using ModelRegistry.Content;
using ModelRegistry.Manifest;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Operations;

public class PullTests : IDisposable
{
    private readonly RegistryHarness harness = new();

    public void Dispose() => harness.Dispose();

    private string Output => harness.Temp.Combine("out");

    private async Task<(Registry Registry, VersionInfo Version)> WithFolderVersionAsync()
    {
        harness.Temp.WriteFile("work/bert/model.bin", new string('m', 5000));
        harness.Temp.WriteFile("work/bert/vocab.txt", "the\nof\nand\n");
        harness.Temp.WriteFile("work/bert/tokenizer/config.json", """{"lower": true}""");
        var registry = await harness.OpenAsync();
        var result = await registry.RegisterAsync(new RegistrationRequest { Model = "Bert", Artifacts = [harness.Temp.Combine("work", "bert")] });
        return (registry, result.Version!);
    }

    private string BlobOf(VersionInfo version, string file) =>
        harness.StoredPath(RegistryPaths.Blob(version.Files.Single(f => f.Path == file).Digest));

    [Fact]
    public async Task Pull_writes_every_file_of_the_version()
    {
        var (registry, _) = await WithFolderVersionAsync();

        var pulled = await (await harness.OpenAsync()).PullAsync("Bert@1", Output);

        Assert.Equal(1, pulled.Version);
        Assert.Equal(["model.bin", "tokenizer/config.json", "vocab.txt"], FolderListing.Files(Output));
        Assert.Equal(File.ReadAllBytes(harness.Temp.Combine("work", "bert", "tokenizer", "config.json")), File.ReadAllBytes(Path.Combine(Output, "tokenizer", "config.json")));
        Assert.Equal(new string('m', 5000), File.ReadAllText(Path.Combine(Output, "model.bin")));
    }

    [Fact]
    public async Task Pull_by_stage_and_as_of()
    {
        var registry = await harness.OpenAsync();
        await harness.RegisterAsync(registry, "M", "first");
        await RegistryHarness.PromoteAsync(registry, "M@1", "Production");
        await harness.RegisterAsync(registry, "M", "second");
        await RegistryHarness.PromoteAsync(registry, "M@2", "Production");

        await registry.PullAsync("M@Production", Path.Combine(Output, "now"));
        await registry.PullAsync("M@Production", Path.Combine(Output, "then"), AsOf.Parse("2"));

        Assert.Equal("second", File.ReadAllText(Path.Combine(Output, "now", "model.bin")));
        Assert.Equal("first", File.ReadAllText(Path.Combine(Output, "then", "model.bin")));
    }

    [Fact]
    public async Task Pull_replaces_a_stale_copy_and_keeps_unrelated_files()
    {
        var (registry, _) = await WithFolderVersionAsync();
        harness.Temp.WriteFile("out/vocab.txt", "stale");
        harness.Temp.WriteFile("out/notes.md", "mine");

        await registry.PullAsync("Bert", Output);

        Assert.Equal("the\nof\nand\n", File.ReadAllText(Path.Combine(Output, "vocab.txt")));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(Output, "notes.md")));
    }

    [Fact]
    public async Task One_flipped_byte_is_detected_and_no_file_is_left_behind()
    {
        var (registry, version) = await WithFolderVersionAsync();
        StoredObjects.FlipByte(BlobOf(version, "model.bin"), 4321);

        var error = await Refusal.ExpectAsync("MRB1104", harness.Root, () => registry.PullAsync("Bert@1", Output));

        Assert.Contains("model.bin", error.Message, StringComparison.Ordinal);
        Assert.Empty(FolderListing.Files(Output));
    }

    [Fact]
    public async Task A_truncated_file_is_detected_and_no_file_is_left_behind()
    {
        var (registry, version) = await WithFolderVersionAsync();
        StoredObjects.Truncate(BlobOf(version, "vocab.txt"));

        await Refusal.ExpectAsync("MRB1104", harness.Root, () => registry.PullAsync("Bert@1", Output));

        Assert.Empty(FolderListing.Files(Output));
    }

    [Fact]
    public async Task A_damaged_last_file_leaves_none_of_the_good_files_either()
    {
        var (registry, version) = await WithFolderVersionAsync();
        StoredObjects.FlipByte(BlobOf(version, "vocab.txt"), 0);
        harness.Temp.WriteFile("out/notes.md", "mine");

        await Refusal.ExpectAsync("MRB1104", harness.Root, () => registry.PullAsync("Bert@1", Output));

        Assert.Equal(["notes.md"], FolderListing.Files(Output));
        Assert.Empty(Directory.GetDirectories(Output));
    }

    [Fact]
    public async Task A_damaged_file_never_replaces_a_good_copy_already_there()
    {
        var registry = await harness.OpenAsync();
        var version = (await harness.RegisterAsync(registry, "M", "good bytes")).Version!;
        harness.Temp.WriteFile("out/model.bin", "older copy");
        StoredObjects.FlipByte(harness.StoredPath(RegistryPaths.Blob(version.Files[0].Digest)));

        await Refusal.ExpectAsync("MRB1104", harness.Root, () => registry.PullAsync("M", Output));

        Assert.Equal("older copy", File.ReadAllText(Path.Combine(Output, "model.bin")));
    }

    [Fact]
    public async Task A_missing_stored_file_is_reported()
    {
        var (registry, version) = await WithFolderVersionAsync();
        File.Delete(BlobOf(version, "vocab.txt"));

        await Refusal.ExpectAsync("MRB1105", harness.Root, () => registry.PullAsync("Bert@1", Output));

        Assert.Empty(FolderListing.Files(Output));
    }

    [Fact]
    public async Task A_record_naming_a_path_outside_the_output_is_refused()
    {
        var registry = await harness.OpenAsync();
        await harness.RegisterAsync(registry, "M", "honest");
        var evil = RegistryJson.Serialize(new VersionRecord
        {
            Model = "M",
            Files = [new ArtifactFile("../escaped.txt", 4, Sha256Digest.Of(Encoding.UTF8.GetBytes("evil")))],
            RecipeDigest = "sha256:" + new string('0', 64),
            Created = DateTimeOffset.UtcNow,
            CreatedBy = "mallory",
        });
        var digest = Sha256Digest.Of(evil);
        await registry.Storage.CreateAsync(RegistryPaths.Record("m", digest), evil);
        await registry.Storage.CreateAsync(RegistryPaths.Blob(Sha256Digest.Of(Encoding.UTF8.GetBytes("evil"))), Encoding.UTF8.GetBytes("evil"));
        await registry.Storage.CreateAsync(RegistryPaths.Log("m", 2), RegistryJson.Serialize(new LogEntry
        {
            Revision = 2,
            WriteId = "mallory",
            Time = DateTimeOffset.UtcNow,
            Actor = "mallory",
            Operation = Operation.Register,
            Model = "M",
            Version = 2,
            Record = digest,
            Recipe = "sha256:" + new string('0', 64),
        }));

        await Refusal.ExpectAsync("MRB1108", harness.Temp.Path, () => (Task)registry.PullAsync("M@2", Output));

        Assert.False(File.Exists(harness.Temp.Combine("escaped.txt")));
    }
}
