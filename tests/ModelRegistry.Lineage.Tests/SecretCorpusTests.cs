using System.Text.Json.Nodes;
using ModelRegistry.Lineage.Tests.Support;
using ModelRegistry.Lineage.Text;
using ModelRegistry.Recipes;

namespace ModelRegistry.Lineage.Tests;

/// <summary>No secret of <see cref="SecretCorpus"/> reaches a version record, whichever way it was captured (an
/// <c>--env</c> value, a <c>--config</c> file, the <c>--command</c>, a <c>--data</c> URI, the git remote), nor what
/// <c>lineage</c>, <c>show</c> and <c>provenance</c> print; what is around it is kept. Through the real tool.</summary>
public sealed class SecretCorpusTests : IDisposable
{
    private readonly TrainingRepo repo = new();

    public SecretCorpusTests()
    {
        repo.Write("out/model.bin", "weights");
    }

    public void Dispose() => repo.Dispose();

    private string RegistryFolder => Path.Combine(repo.Root, ".model-registry");

    [Theory]
    [MemberData(nameof(SecretCorpus.All), MemberType = typeof(SecretCorpus))]
    public void The_scrubber_masks_the_secret_and_keeps_the_rest(SecretShape shape)
    {
        var scrubbed = SecretRedaction.Scrub(shape.Value);

        Assert.DoesNotContain(shape.Secret, scrubbed, StringComparison.Ordinal);
        Assert.Contains(shape.Kept, scrubbed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("python train.py --mode Basic classification --model sk-learn-logistic-regression-v2")]
    [InlineData("torchrun train.py --tokenizer bert-base --max-tokens 512 --keys a,b")]
    public void Words_that_only_resemble_a_secret_are_kept(string command) => Assert.Equal(command, CommandRedaction.Redact(command));

    [Fact]
    public async Task Env_config_command_and_data_secrets_are_absent_from_the_record_and_every_output()
    {
        var shapes = SecretCorpus.Shapes;
        var environment = new Dictionary<string, string>();
        var args = new List<string> { "register", "Fraud", "out/model.bin", "--json", "--config", "train.json", "--config", "train.yaml" };
        for (var i = 0; i < shapes.Count; i++)
        {
            environment[$"CORPUS_{i:00}"] = shapes[i].Value;
            args.AddRange(["--env", $"CORPUS_{i:00}"]);
        }

        foreach (var url in shapes.Where(s => s.IsUrl))
        {
            args.AddRange(["--data", url.Value]);
        }

        var command = "python train.py " + string.Join(' ', shapes.Select((s, i) => $"--s{i:00} \"{s.Value}\""));
        args.AddRange(["--command", command]);
        var json = new JsonObject();
        for (var i = 0; i < shapes.Count; i++)
        {
            json[$"setting{i:00}"] = shapes[i].Value;
        }

        json["ApiKey"] = "PlainKey0101";
        json["ConnectionStrings"] = new JsonObject { ["Default"] = "PlainConn0102", ["Audit"] = "PlainConn0103" };
        json["db"] = new JsonObject { ["password"] = "PlainPw0104", ["host"] = "keep-db-host" };
        json["client_secret"] = "PlainSecret0105";
        json["max_tokens"] = 512;
        json["tokenizer"] = "bert-keep";
        json["key_size"] = 256;
        json["key_path"] = "keys/keep.pem";
        repo.Write("train.json", json.ToJsonString());
        var yaml = string.Join('\n', shapes.Select((s, i) => $"setting{i:00}: \"{s.Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}\""))
            + "\napiKey: PlainKey0106\nstorage:\n  connectionString: \"PlainConn0107\"\n  container: keep-container\nprivate_key: |\n  PlainPem0108line1\n  PlainPem0108line2\nepochs: 3\ntokenizer: bert-keep\n";
        repo.Write("train.yaml", yaml);

        var registered = Tool.Run(repo.Root, environment, [.. args]);
        Assert.True(registered.Exit == 0, registered.Err);
        var printed = Printed("Fraud@1", registered);

        var recipe = await RecipeOf("Fraud@1");
        var recordText = RecordText();
        var plain = new[] { "PlainKey0101", "PlainConn0102", "PlainConn0103", "PlainPw0104", "PlainSecret0105", "PlainKey0106", "PlainConn0107", "PlainPem0108" };
        foreach (var secret in shapes.Select(s => s.Secret).Concat(plain))
        {
            Assert.DoesNotContain(secret, recordText, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, printed, StringComparison.Ordinal);
        }

        var variables = recipe.Environment!.Variables;
        var jsonContent = recipe.Config.Single(c => c.Path.EndsWith("train.json", StringComparison.Ordinal)).Content!;
        var yamlContent = recipe.Config.Single(c => c.Path.EndsWith("train.yaml", StringComparison.Ordinal)).Content!.GetValue<string>();
        for (var i = 0; i < shapes.Count; i++)
        {
            Assert.Contains(shapes[i].Kept, variables[$"CORPUS_{i:00}"], StringComparison.Ordinal);
            Assert.Contains(shapes[i].Kept, jsonContent[$"setting{i:00}"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains(shapes[i].Kept, recipe.Command, StringComparison.Ordinal);
        }

        Assert.All(shapes.Where(s => s.IsUrl), s => Assert.Contains(recipe.Data, d => d.Source.Contains(s.Kept, StringComparison.Ordinal)));
        Assert.Equal("***", jsonContent["ApiKey"]!.GetValue<string>());
        Assert.Equal("***", jsonContent["ConnectionStrings"]!["Audit"]!.GetValue<string>());
        Assert.Equal("keep-db-host", jsonContent["db"]!["host"]!.GetValue<string>());
        Assert.Equal(512, jsonContent["max_tokens"]!.GetValue<int>());
        Assert.Equal("bert-keep", jsonContent["tokenizer"]!.GetValue<string>());
        Assert.Equal(256, jsonContent["key_size"]!.GetValue<int>());
        Assert.Equal("keys/keep.pem", jsonContent["key_path"]!.GetValue<string>());
        Assert.Contains("apiKey: ***", yamlContent, StringComparison.Ordinal);
        Assert.Contains("  connectionString: ***", yamlContent, StringComparison.Ordinal);
        Assert.Contains("  container: keep-container\nprivate_key: ***\nepochs: 3\ntokenizer: bert-keep", yamlContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Git_remote_secrets_are_absent_from_the_record_and_every_output()
    {
        // The scp-like form git accepts for ssh remotes is a remote, though not a URI.
        var urls = SecretCorpus.Shapes.Where(s => s.IsUrl).Append(new SecretShape("scp-like remote", "deploy:ScpPw0035@git.example.com:contoso/fraud.git", "ScpPw0035", "deploy@git.example.com:contoso/fraud.git")).ToList();
        Git.Run(repo.Root, "remote", "add", "origin", "https://example.com/placeholder.git");
        for (var i = 0; i < urls.Count; i++)
        {
            Git.Run(repo.Root, "remote", "set-url", "origin", urls[i].Value);
            repo.Write("out/model.bin", $"weights {i}");
            var registered = Tool.Run(repo.Root, null, "register", "Fraud", "out/model.bin", "--json");
            Assert.True(registered.Exit == 0, registered.Err);
            var reference = $"Fraud@{i + 1}";
            var printed = Printed(reference, registered);

            Assert.DoesNotContain(urls[i].Secret, RecordText(), StringComparison.Ordinal);
            Assert.DoesNotContain(urls[i].Secret, printed, StringComparison.Ordinal);
            Assert.Contains(urls[i].Kept, (await RecipeOf(reference)).Code!.RepositoryUrl, StringComparison.Ordinal);
        }
    }

    /// <summary>Everything the tool printed about the version: registration, lineage, show and provenance, human and JSON.</summary>
    private string Printed(string reference, (int Exit, string Out, string Err) registered)
    {
        var outputs = new List<string> { registered.Out, registered.Err };
        foreach (var command in new[] { "lineage", "show", "provenance" })
        {
            foreach (var json in new[] { false, true })
            {
                var (exit, output, error) = Tool.Run(repo.Root, null, json ? [command, reference, "--json"] : [command, reference]);
                Assert.True(exit == 0, $"{command} {reference}: {error}");
                outputs.Add(output);
                outputs.Add(error);
            }
        }

        return string.Join('\n', outputs);
    }

    private string RecordText() =>
        string.Join('\n', Directory.EnumerateFiles(RegistryFolder, "*", SearchOption.AllDirectories).Select(File.ReadAllText));

    private async Task<Recipe> RecipeOf(string reference)
    {
        var registry = await Registry.OpenAsync(RegistryFolder);
        var version = await registry.ResolveAsync(reference);
        return (await registry.ReadRecordAsync("Fraud", version.Digest)).Recipe;
    }
}
