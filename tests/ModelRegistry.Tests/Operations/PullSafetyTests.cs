using ModelRegistry.Content;
using ModelRegistry.Manifest;
using ModelRegistry.Storage;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Operations;

/// <summary>A pull writes only inside its output folder and reads only what the record says, whatever the output folder
/// holds and whatever a damaged or hostile registry holds.</summary>
public sealed class PullSafetyTests : IDisposable
{
    private readonly RegistryHarness harness = new();

    public void Dispose() => harness.Dispose();

    private async Task<(Registry Registry, VersionInfo Version)> WithFolderVersionAsync()
    {
        harness.Temp.WriteFile("work/bert/model.bin", new string('m', 5000));
        harness.Temp.WriteFile("work/bert/tokenizer/config.json", """{"lower": true}""");
        var registry = await harness.OpenAsync();
        var result = await registry.RegisterAsync(new RegistrationRequest { Model = "Bert", Artifacts = [harness.Temp.Combine("work", "bert")] });
        return (registry, result.Version!);
    }

    [Fact]
    public async Task What_a_killed_pull_left_in_the_output_folder_goes_with_the_next_pull_and_nothing_else_does()
    {
        // arrange: a pull killed part-way left its staging folder (the lock file it held, a partial file); the
        // user's own files and folders stay, whatever their names
        var (registry, _) = await WithFolderVersionAsync();
        var output = Directory.CreateDirectory(harness.Temp.Combine("out")).FullName;
        var abandoned = Directory.CreateDirectory(Path.Combine(output, ".model-registry-pull-0123abcd")).FullName;
        File.WriteAllText(Path.Combine(abandoned, ".model-registry-staging.lock"), "");
        File.WriteAllText(Path.Combine(abandoned, "4567.partial"), new string('p', 100_000));
        harness.Temp.WriteFile("out/notes/readme.txt", "mine");

        // act
        await registry.PullAsync("Bert@1", output);

        // assert
        Assert.False(Directory.Exists(abandoned));
        Assert.Equal(["model.bin", "notes", "tokenizer"], Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(output, "notes", "readme.txt")));
    }

    [Fact]
    public async Task A_symbolic_link_in_the_output_folder_is_never_followed()
    {
        // arrange: out/tokenizer -> elsewhere
        var (registry, _) = await WithFolderVersionAsync();
        var elsewhere = Directory.CreateDirectory(harness.Temp.Combine("elsewhere")).FullName;
        var output = Directory.CreateDirectory(harness.Temp.Combine("out")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(output, "tokenizer"), elsewhere);

        // act
        var error = await Assert.ThrowsAsync<RegistryException>(() => registry.PullAsync("Bert@1", output));

        // assert
        Assert.Equal("MRB1017", error.Code);
        Assert.Contains("symbolic link", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere));
        Assert.False(File.Exists(Path.Combine(output, "model.bin")));
    }

    [Fact]
    public async Task A_file_that_is_a_symbolic_link_is_not_overwritten_through()
    {
        var (registry, _) = await WithFolderVersionAsync();
        var target = harness.Temp.WriteFile("precious.txt", "keep me");
        var output = Directory.CreateDirectory(harness.Temp.Combine("out")).FullName;
        File.CreateSymbolicLink(Path.Combine(output, "model.bin"), target);

        await Refusal.ExpectAsync("MRB1017", harness.Root, () => registry.PullAsync("Bert@1", output));

        Assert.Equal("keep me", File.ReadAllText(target));
    }

    [Theory]
    [InlineData("x.bin", "d/../x.bin")]
    [InlineData("Model.bin", "model.bin")]
    public async Task A_record_naming_one_file_twice_is_refused_before_anything_is_written(string first, string second)
    {
        var (registry, version) = await WithFolderVersionAsync();
        var file = version.Files[0];
        var hostile = version with { Files = [file with { Path = first }, file with { Path = second }] };
        var output = harness.Temp.Combine("out");

        var error = await Assert.ThrowsAsync<RegistryException>(() => registry.PullFilesAsync(hostile, output));

        Assert.Equal("MRB1108", error.Code);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task A_stored_file_longer_than_its_record_says_is_not_read_to_its_end()
    {
        // arrange: the model file's blob grows by 64 MiB behind the registry's back
        var (_, version) = await WithFolderVersionAsync();
        var model = version.Files.Single(f => f.Path == "model.bin");
        using (var blob = new FileStream(harness.StoredPath(RegistryPaths.Blob(model.Digest)), FileMode.Append))
        {
            blob.Write(new byte[64 << 20]);
        }

        var storage = new HookedStorage(new FolderStorage(harness.Root));
        var registry = await Registry.OpenAsync(storage);

        // act
        var error = await Assert.ThrowsAsync<RegistryException>(() => registry.PullAsync("Bert@1", harness.Temp.Combine("out")));

        // assert: refused, and only a few blocks of the 64 MiB were read
        Assert.Equal("MRB1104", error.Code);
        Assert.InRange(storage.BytesRead, model.Size, 24L << 20);
        Assert.False(Directory.Exists(harness.Temp.Combine("out")));
    }

    [Fact]
    public async Task A_record_file_grown_past_any_real_record_is_refused_without_reading_it_into_memory()
    {
        var (_, version) = await WithFolderVersionAsync();
        var record = harness.StoredPath(RegistryPaths.Record("bert", version.Digest));
        using (var file = new FileStream(record, FileMode.Open, FileAccess.Write))
        {
            file.SetLength(StoredObject.MaxBytes + 1); // sparse: costs no disk
        }

        var error = await Assert.ThrowsAsync<RegistryException>(async () => await (await harness.OpenAsync()).PullAsync("Bert@1", harness.Temp.Combine("out")));

        Assert.Equal("MRB1032", error.Code);
    }
}
