using ModelRegistry.Policies;
using ModelRegistry.Schemas;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Schemas;

public sealed class SchemaCompatibilityTests : IDisposable
{
    private readonly RegistryHarness harness = new();

    public void Dispose() => harness.Dispose();

    private ModelSchema Read(OnnxModelFile model) =>
        OnnxSchemaReader.Read(model.WriteTo(harness.Temp.Combine($"{Guid.NewGuid():N}.onnx")));

    [Fact]
    public void A_renamed_input_is_one_removed_and_one_added_and_breaks()
    {
        // arrange
        var baseline = Read(new OnnxModelFile());
        var candidate = Read(new OnnxModelFile { Inputs = [("inputs", OnnxModelFile.FloatType, [-1, 4]), ("mask", OnnxModelFile.BoolType, [-1])] });

        // act
        var differences = SchemaCompatibility.Compare(baseline, candidate);

        // assert
        Assert.Equal([SchemaChange.InputRemoved, SchemaChange.InputAdded], differences.Select(d => d.Kind));
        Assert.Equal(["features", "inputs"], differences.Select(d => d.Column));
        Assert.All(differences, d => Assert.True(d.Breaking));
    }

    [Fact]
    public void A_changed_input_type_breaks()
    {
        // arrange
        var baseline = Read(new OnnxModelFile());
        var candidate = Read(new OnnxModelFile { Inputs = [("features", OnnxModelFile.FloatType, [-1, 4]), ("mask", OnnxModelFile.Int64Type, [-1])] });

        // act
        var difference = Assert.Single(SchemaCompatibility.Compare(baseline, candidate));

        // assert
        Assert.Equal(new SchemaDifference(SchemaChange.InputTypeChanged, "mask", "bool", "int64"), difference);
        Assert.True(difference.Breaking);
        Assert.Equal("input mask: type bool -> int64", SchemaCompatibility.Describe(difference));
    }

    [Fact]
    public void A_changed_output_shape_breaks()
    {
        // arrange
        var baseline = Read(new OnnxModelFile());
        var candidate = Read(new OnnxModelFile { Outputs = [("score", OnnxModelFile.FloatType, [-1, 2])] });

        // act
        var difference = Assert.Single(SchemaCompatibility.Compare(baseline, candidate));

        // assert
        Assert.Equal(new SchemaDifference(SchemaChange.OutputShapeChanged, "score", "[-1, 1]", "[-1, 2]"), difference);
        Assert.True(difference.Breaking);
    }

    [Fact]
    public void An_added_output_is_compatible_and_a_removed_one_breaks()
    {
        // arrange
        var baseline = Read(new OnnxModelFile());
        var candidate = Read(new OnnxModelFile { Outputs = [("score", OnnxModelFile.FloatType, [-1, 1]), ("label", OnnxModelFile.Int64Type, [-1])] });

        // act
        var added = Assert.Single(SchemaCompatibility.Compare(baseline, candidate));
        var removed = Assert.Single(SchemaCompatibility.Compare(candidate, baseline));

        // assert
        Assert.Equal(SchemaChange.OutputAdded, added.Kind);
        Assert.False(added.Breaking);
        Assert.Equal(SchemaChange.OutputRemoved, removed.Kind);
        Assert.True(removed.Breaking);
    }

    [Fact]
    public void A_schema_on_one_side_only_breaks_and_none_on_both_is_no_difference()
    {
        // arrange
        var schema = Read(new OnnxModelFile());

        // act + assert
        Assert.Equal(SchemaChange.SchemaMissing, Assert.Single(SchemaCompatibility.Compare(schema, null)).Kind);
        Assert.True(Assert.Single(SchemaCompatibility.Compare(null, schema)).Breaking);
        Assert.Empty(SchemaCompatibility.Compare(null, null));
        Assert.Empty(SchemaCompatibility.Compare(schema, Read(new OnnxModelFile())));
    }

    [Fact]
    public async Task A_promotion_that_breaks_the_holders_schema_is_refused_under_the_policy_unless_allowed()
    {
        // arrange
        harness.WriteSettings(new Manifest.RegistrySettings
        {
            Policies = new(StringComparer.OrdinalIgnoreCase) { ["Production"] = new StagePolicy { RequireCompatibleSchema = true } },
        });
        var registry = await harness.OpenAsync();
        var first = new OnnxModelFile().WriteTo(harness.Temp.Combine("v1", "model.onnx"));
        var second = new OnnxModelFile { Outputs = [("probability", OnnxModelFile.FloatType, [-1, 1])] }.WriteTo(harness.Temp.Combine("v2", "model.onnx"));
        await registry.RegisterAsync(new RegistrationRequest { Model = "Fraud", Artifacts = [first] });
        await registry.RegisterAsync(new RegistrationRequest { Model = "Fraud", Artifacts = [second] });
        await RegistryHarness.PromoteAsync(registry, "Fraud@1", "Production");

        // act
        var error = await Refusal.ExpectAsync("MRB2104", harness.Root, () => RegistryHarness.PromoteAsync(registry, "Fraud@2", "Production"));
        var allowed = await registry.PromoteAsync(new PromotionRequest { Reference = "Fraud@2", Stage = "Production", AllowBreakingSchema = "the consumer moves to probability" });

        // assert
        Assert.Contains("output score: removed", error.Message, StringComparison.Ordinal);
        Assert.Equal("the consumer moves to probability", allowed.Entry!.Evidence!["breakingSchema"]!["reason"]!.GetValue<string>());
        Assert.Equal("Production", (await registry.ResolveAsync("Fraud@2")).Stage);
        Assert.Contains("breaking schema allowed: the consumer moves to probability", ModelRegistry.Reports.EntryText.Evidence(allowed.Entry), StringComparison.Ordinal);
    }
}
