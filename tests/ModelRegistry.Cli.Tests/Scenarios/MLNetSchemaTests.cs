using System.Text;
using ModelRegistry.ML.Tests.Models;

namespace ModelRegistry.Cli.Tests.Scenarios;

/// <summary>The schema of an ML.NET model zip, read by the real tool at registration.</summary>
public sealed class MLNetSchemaTests : Scenario
{
    [Fact]
    public async Task Registering_an_ml_net_model_records_its_schema_which_show_prints()
    {
        // arrange
        var model = FraudModels.SaveClassifier(Temp.Combine("work", "model.zip"));

        // act
        var (registered, document) = await Json("register", "Fraud", model);
        var (_, shown) = await Json("show", "Fraud@1");
        var text = await Cli("show", "Fraud@1");

        // assert
        Assert.Equal(0, registered.ExitCode);
        Assert.DoesNotContain(document.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("MRB21", StringComparison.Ordinal));
        var schema = shown.GetProperty("schema");
        Assert.Equal("mlnet", schema.GetProperty("format").GetString());
        Assert.Equal("ML.NET", schema.GetProperty("producer").GetString());
        Assert.Equal(["Amount", "Hour", "DistanceKm", "IsFraud"], schema.GetProperty("inputs").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(["Features", "PredictedLabel", "Score", "Probability"], schema.GetProperty("outputs").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal([3], schema.GetProperty("outputs")[0].GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()));
        Assert.Contains("schema   mlnet, by ML.NET 5.0.1", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("input    IsFraud  bool", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_needing_a_component_the_tool_does_not_carry_is_registered_with_a_warning()
    {
        // arrange: its first transform names an assembly the tool does not carry, as a LightGbm model does
        var model = FraudModels.SaveClassifier(Temp.Combine("work", "model.zip"));
        FraudModels.RewriteEntry(model, "TransformerChain/Transform_000/Model.key", content =>
        {
            var at = content.AsSpan().IndexOf(Encoding.Unicode.GetBytes("Microsoft.ML.Data"));
            var rewritten = (byte[])content.Clone();
            Encoding.Unicode.GetBytes("Microsoft.ML.Dyta").CopyTo(rewritten, at);
            return rewritten;
        });

        // act
        var (registered, document) = await Json("register", "Fraud", model);
        var (_, shown) = await Json("show", "Fraud@1");

        // assert
        Assert.Equal(0, registered.ExitCode);
        Assert.Contains("warning MRB2106: ", registered.Stderr, StringComparison.Ordinal);
        Assert.Contains(document.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("MRB2106: ", StringComparison.Ordinal));
        Assert.False(shown.TryGetProperty("schema", out var schema) && schema.ValueKind != System.Text.Json.JsonValueKind.Null);
    }
}
