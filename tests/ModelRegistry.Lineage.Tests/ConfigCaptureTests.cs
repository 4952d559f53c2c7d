using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ModelRegistry.Lineage.Tests.Support;
using ModelRegistry.Recipes;

namespace ModelRegistry.Lineage.Tests;

public sealed class ConfigCaptureTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private Task<Recipe> Capture(params string[] config) =>
        RecipeCapture.CaptureAsync(new CaptureOptions { ProjectDirectory = temp.Path, Config = config, GetVariable = Variables.None });

    [Fact]
    public async Task Small_json_is_inlined_as_json_and_recorded_by_digest()
    {
        const string text = "{ \"learningRate\": 0.01, \"layers\": [64, 32], // tuned\n }";
        temp.Write("train.json", text);

        var config = (await Capture("train.json")).Config.Single();

        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), config.Digest);
        Assert.Equal(0.01, config.Content!["learningRate"]!.GetValue<double>());
        Assert.Equal(2, config.Content["layers"]!.AsArray().Count);
    }

    [Fact]
    public async Task Small_yaml_is_inlined_as_text()
    {
        const string text = "epochs: 3\noptimizer:\n  name: adam\n";
        temp.Write("params.yaml", text);

        var config = (await Capture("params.yaml")).Config.Single();

        Assert.Equal(text, config.Content!.GetValue<string>());
    }

    [Fact]
    public async Task Large_json_is_recorded_by_digest_only_with_a_warning()
    {
        var large = new JsonObject { ["weights"] = new JsonArray([.. Enumerable.Range(0, 20_000).Select(i => (JsonNode)i)]) }.ToJsonString();
        temp.Write("big.json", large);

        var recipe = await Capture("big.json");

        Assert.Null(recipe.Config.Single().Content);
        Assert.Single(recipe.Coded("MRB1559"));
    }

    [Fact]
    public async Task Invalid_json_is_recorded_by_digest_only_with_a_warning()
    {
        temp.Write("broken.json", "{ not json");

        var recipe = await Capture("broken.json");

        Assert.Null(recipe.Config.Single().Content);
        Assert.Contains("not valid JSON", Assert.Single(recipe.Coded("MRB1559")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_config_files_are_recorded_by_digest_only()
    {
        temp.Write("model.cfg", "depth=3");

        var recipe = await Capture("model.cfg");

        Assert.Null(recipe.Config.Single().Content);
        Assert.Empty(recipe.Besides551());
    }

    [Fact]
    public async Task Missing_config_is_a_coded_error()
    {
        var error = await Assert.ThrowsAsync<RegistryException>(() => Capture("nope.json"));

        Assert.Equal("MRB1503", error.Code);
    }

    [Fact]
    public async Task Named_pipe_as_config_is_a_coded_error_not_a_hang()
    {
        Special.Fifo(temp.Combine("params.json"));

        var error = await Assert.ThrowsAsync<RegistryException>(() => Capture("params.json"));

        Assert.Equal("MRB1504", error.Code);
    }
}
