using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ModelRegistry.Lineage.Tests.Support;
using ModelRegistry.Recipes;

namespace ModelRegistry.Lineage.Tests;

public sealed class DataCaptureTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private async Task<Recipe> Capture(params string[] data) =>
        await RecipeCapture.CaptureAsync(new CaptureOptions { ProjectDirectory = temp.Path, Data = data, GetVariable = Variables.None });

    private static string Sha(string text) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The folder format as docs/lineage.md states it, recomputed independently of the implementation.</summary>
    private static string TreeDigest(params (string Kind, string Path, string Content)[] entries)
    {
        var text = new StringBuilder();
        foreach (var (kind, path, content) in entries.OrderBy(e => Encoding.UTF8.GetBytes(e.Path), Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b))))
        {
            var bytes = Encoding.UTF8.GetBytes(content);
            text.Append(CultureInfo.InvariantCulture, $"{kind} {Convert.ToHexStringLower(SHA256.HashData(bytes))} {bytes.Length} {path}\0");
        }

        return Sha(text.ToString());
    }

    [Fact]
    public async Task File_is_recorded_by_the_sha256_of_its_content()
    {
        temp.Write("train.csv", "a,b\n1,2\n");

        var input = (await Capture("train.csv")).Data.Single();

        Assert.Equal(DataKinds.File, input.Kind);
        Assert.Equal(Sha("a,b\n1,2\n"), input.Digest);
        Assert.Equal(8, input.Size);
        Assert.Equal(temp.Combine("train.csv"), input.Source);
    }

    [Fact]
    public async Task Folder_is_recorded_as_its_sorted_tree_of_paths_and_digests()
    {
        temp.Write("data/train/part-1.csv", "1,2\n");
        temp.Write("data/train/nested/deeper/part-2.csv", "3,4\n");
        temp.Write("data/train/empty.txt", "");
        temp.Write("data/train/.hidden", "h");
        temp.Write("data/train/Zeta.csv", "z");
        temp.Folder("data/train/empty-folder");

        var input = (await Capture("data/train")).Data.Single();

        Assert.Equal(DataKinds.Folder, input.Kind);
        Assert.Equal(5, input.FileCount);
        Assert.Equal(10, input.Size);
        Assert.Equal([".hidden", "Zeta.csv", "empty.txt", "nested/deeper/part-2.csv", "part-1.csv"], input.Files!.Select(f => f.Path));
        Assert.Equal(
            TreeDigest(("file", "part-1.csv", "1,2\n"), ("file", "nested/deeper/part-2.csv", "3,4\n"), ("file", "empty.txt", ""), ("file", ".hidden", "h"), ("file", "Zeta.csv", "z")),
            input.Digest);
    }

    [Fact]
    public async Task Folder_digest_depends_on_content_and_names_only()
    {
        temp.Write("a/x/1.csv", "one");
        temp.Write("a/2.csv", "two");
        temp.Write("b/2.csv", "two");
        temp.Write("b/x/1.csv", "one");
        temp.Write("c/2.csv", "two");
        temp.Write("c/x/1.csv", "onE");
        temp.Write("d/2.csv", "two");
        temp.Write("d/y/1.csv", "one");

        var recipe = await Capture("a", "b", "c", "d");

        Assert.Equal(recipe.Data[0].Digest, recipe.Data[1].Digest);
        Assert.NotEqual(recipe.Data[0].Digest, recipe.Data[2].Digest);
        Assert.NotEqual(recipe.Data[0].Digest, recipe.Data[3].Digest);
    }

    [Fact]
    public async Task Symbolic_links_are_recorded_by_target_and_never_followed_out_of_the_folder()
    {
        var outside = temp.Write("outside/secret.csv", "outside content");
        temp.Write("data/inside.csv", "inside");
        File.CreateSymbolicLink(temp.Combine("data", "escape.csv"), outside);
        File.CreateSymbolicLink(temp.Combine("data", "alias.csv"), "inside.csv");
        Directory.CreateSymbolicLink(temp.Combine("data", "loop"), "..");

        var before = await Capture("data");
        File.WriteAllText(outside, "changed outside content");
        var after = await Capture("data");

        var input = before.Data.Single();
        Assert.Equal(input.Digest, after.Data.Single().Digest);
        Assert.Equal(
            TreeDigest(("link", "alias.csv", "inside.csv"), ("link", "escape.csv", outside), ("file", "inside.csv", "inside"), ("link", "loop", "..")),
            input.Digest);
        Assert.Equal(outside, input.Files!.Single(f => f.Path == "escape.csv").LinkTarget);
        var warning = Assert.Single(before.Warnings, w => w.StartsWith("MRB1556:", StringComparison.Ordinal));
        Assert.Contains("2 symbolic link(s)", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Declared_path_that_is_a_link_is_followed()
    {
        temp.Write("datasets/v3/train.csv", "v3");
        Directory.CreateSymbolicLink(temp.Combine("current"), temp.Combine("datasets", "v3"));

        var recipe = await Capture("current", "datasets/v3");

        Assert.Equal(DataKinds.Folder, recipe.Data[0].Kind);
        Assert.Equal(recipe.Data[1].Digest, recipe.Data[0].Digest);
        Assert.Equal(temp.Combine("current"), recipe.Data[0].Source);
    }

    [Fact]
    public async Task Named_pipe_in_a_data_folder_is_a_coded_error_not_a_hang()
    {
        temp.Write("data/train.csv", "1");
        Special.Fifo(temp.Combine("data", "stream"));

        var error = await Assert.ThrowsAsync<RegistryException>(() => Capture("data"));

        Assert.Equal("MRB1502", error.Code);
        Assert.Contains("data/stream", error.Message, StringComparison.Ordinal);
        Assert.Contains("named pipe", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Socket_declared_as_data_is_a_coded_error()
    {
        using var socket = Special.UnixSocket(temp.Combine("feed.sock"));

        var error = await Assert.ThrowsAsync<RegistryException>(() => Capture("feed.sock"));

        Assert.Equal("MRB1502", error.Code);
        Assert.Contains("socket", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_data_is_a_coded_error()
    {
        var error = await Assert.ThrowsAsync<RegistryException>(() => Capture("no-such-folder"));

        Assert.Equal("MRB1501", error.Code);
    }

    [Fact]
    public async Task Empty_data_input_is_a_usage_error()
    {
        var error = await Assert.ThrowsAsync<RegistryException>(() => Capture(" "));

        Assert.Equal("MRB1507", error.Code);
        Assert.Equal(ErrorKind.Usage, error.Kind);
    }

    [Fact]
    public async Task Other_uris_are_recorded_as_given_without_credentials()
    {
        var input = (await Capture("https://reader:hunter2@data.example.com/fraud/2026-11.parquet?token=abc&split=train")).Data.Single();

        Assert.Equal(DataKinds.Uri, input.Kind);
        Assert.Equal("https://data.example.com/fraud/2026-11.parquet?split=train", input.Source);
        Assert.Null(input.Digest);
    }

    [Fact]
    public async Task File_uri_is_read_as_a_local_file()
    {
        var path = temp.Write("train.csv", "x");

        var input = (await Capture(new Uri(path).AbsoluteUri)).Data.Single();

        Assert.Equal(DataKinds.File, input.Kind);
        Assert.Equal(Sha("x"), input.Digest);
    }

    [Fact]
    public async Task Data_inside_the_repository_is_recorded_relative_to_its_root()
    {
        var root = Git.InitWithCommit(temp);
        temp.Write("repo/data/train.csv", "1");

        var recipe = await RecipeCapture.CaptureAsync(new CaptureOptions { ProjectDirectory = Path.Combine(root, "data"), Data = ["train.csv"], GetVariable = Variables.None });

        Assert.Equal("data/train.csv", recipe.Data.Single().Source);
    }
}
