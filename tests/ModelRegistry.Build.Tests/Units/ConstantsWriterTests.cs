using ModelRegistry.Build.References;
using Xunit;
using static ModelRegistry.Build.Tests.Infrastructure.Items;

namespace ModelRegistry.Build.Tests.Units;

public sealed class ConstantsWriterTests
{
    [Fact]
    public void Each_model_gets_a_nested_class_with_its_resolution()
    {
        var source = ConstantsWriter.Write(
            [Item("FraudDetection", ("Version", "Production"), ("ResolvedVersion", "7"), ("Digest", "sha256:abc"), ("TargetPath", "models/FraudDetection"))],
            "Service",
            "ModelRegistryModels");

        Assert.Contains("namespace Service\n{", source, StringComparison.Ordinal);
        Assert.Contains("internal static class FraudDetection", source, StringComparison.Ordinal);
        Assert.Contains("public const int Version = 7;", source, StringComparison.Ordinal);
        Assert.Contains("public const string Requested = \"Production\";", source, StringComparison.Ordinal);
        Assert.Contains("public const string Path = \"models/FraudDetection\";", source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fraud-detection.v2", "fraud_detection_v2")]
    [InlineData("3d-model", "_3d_model")]
    [InlineData("Version", "Version2")]
    public void Model_names_become_valid_distinct_identifiers(string model, string expected) =>
        Assert.Equal(expected, ConstantsWriter.UniqueIdentifier(model, ["ModelRegistryModels"]));

    [Fact]
    public void Names_that_collide_after_cleaning_get_suffixes()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);

        var first = ConstantsWriter.UniqueIdentifier("a-b", used);
        var second = ConstantsWriter.UniqueIdentifier("a.b", used);

        Assert.Equal(("a_b", "a_b2"), (first, second));
    }
}
