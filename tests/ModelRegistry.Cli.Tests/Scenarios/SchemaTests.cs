using ModelRegistry.Manifest;
using ModelRegistry.Policies;

namespace ModelRegistry.Cli.Tests.Scenarios;

/// <summary>Model schemas through the real tool: declared at registration, shown, and held to a stage policy.</summary>
public sealed class SchemaTests : Scenario
{
    [Fact]
    public async Task A_declared_schema_is_registered_and_shown()
    {
        // arrange
        var model = Temp.WriteFile("work/model.bin", "weights"u8.ToArray());
        var schema = Temp.WriteFile("schema.json", """
            { "inputs": [{ "name": "text", "type": "string", "shape": [-1] }], "outputs": [{ "name": "label", "type": "int64", "shape": [-1, 1] }] }
            """u8.ToArray());

        // act
        var (registered, _) = await Json("register", "Churn", model, "--schema", schema);
        var (_, shown) = await Json("show", "Churn@1");
        var text = await Cli("show", "Churn@1");

        // assert
        Assert.Equal(0, registered.ExitCode);
        var recorded = shown.GetProperty("schema");
        Assert.Equal("declared", recorded.GetProperty("format").GetString());
        Assert.Equal(["name", "type", "shape"], recorded.GetProperty("inputs")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("text", recorded.GetProperty("inputs")[0].GetProperty("name").GetString());
        Assert.Equal([-1, 1], recorded.GetProperty("outputs")[0].GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()));
        Assert.Contains("input    text  string [-1]", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_schema_file_is_a_usage_error()
    {
        // arrange
        var model = Temp.WriteFile("work/model.bin", "weights"u8.ToArray());
        var schema = Temp.WriteFile("schema.json", """{ "inputs": [] }"""u8.ToArray());

        // act
        var (result, document) = await Json("register", "Churn", model, "--schema", schema);

        // assert
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("MRB2102", ErrorCode(document));
        Assert.False(Directory.Exists(Path.Combine(Registry, "models")));
    }

    [Fact]
    public async Task A_breaking_promotion_is_refused_then_allowed_with_a_reason_that_history_shows()
    {
        // arrange
        Directory.CreateDirectory(Registry);
        File.WriteAllBytes(Path.Combine(Registry, RegistryPaths.Settings), RegistryJson.Serialize(new RegistrySettings
        {
            Policies = new(StringComparer.OrdinalIgnoreCase) { ["Production"] = new StagePolicy { Requires = [StagePolicy.Approval], RequireCompatibleSchema = true } },
        }));
        new OnnxModelFile().WriteTo(Temp.Combine("v1", "model.onnx"));
        new OnnxModelFile { Inputs = [("features", OnnxModelFile.FloatType, [-1, 8]), ("mask", OnnxModelFile.BoolType, [-1])] }.WriteTo(Temp.Combine("v2", "model.onnx"));
        await Cli("register", "Fraud", Temp.Combine("v1", "model.onnx"));
        await Cli("register", "Fraud", Temp.Combine("v2", "model.onnx"));
        await Cli("promote", "Fraud@1", "--to", "Production", "--approved-by", "alice");

        // act
        var (refused, error) = await Json("promote", "Fraud@2", "--to", "Production", "--approved-by", "alice");
        var (allowed, _) = await Json("promote", "Fraud@2", "--to", "Production", "--approved-by", "alice", "--allow-breaking-schema", "the service sends 8 features from release 12");
        var (_, history) = await Json("history", "Fraud");
        var diff = await Cli("diff", "Fraud@1", "Fraud@2");

        // assert
        Assert.Equal(3, refused.ExitCode);
        Assert.Equal("MRB2104", ErrorCode(error));
        Assert.Contains("input features: shape [-1, 4] -> [-1, 8]", error.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, allowed.ExitCode);
        var move = history.GetProperty("revisions").EnumerateArray().Last();
        Assert.Equal("the service sends 8 features from release 12", move.GetProperty("evidence").GetProperty("breakingSchema").GetProperty("reason").GetString());
        Assert.Contains("! input features: shape [-1, 4] -> [-1, 8]", diff.Stdout, StringComparison.Ordinal);
    }
}
