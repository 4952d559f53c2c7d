using System.Text.RegularExpressions;
using EndToEnd.Tests.Infrastructure;
using Xunit;

namespace EndToEnd.Tests.MSBuild;

[Collection(PackagedProductCollectionDefinition.Name)]
public sealed partial class TrainingTests(PackagedProductFixture fixture)
{
    private PackagedProduct Product => fixture.Product;

    [Fact]
    public async Task A_model_that_passes_its_thresholds_is_registered_and_its_version_reaches_later_targets()
    {
        // arrange
        using var folder = Product.CreateFolder("train-pass");
        var registry = new TestRegistry(folder.Combine("registry"));
        Projects.WriteTraining(folder, registry.Path, items: """
            <MetricThreshold Include="auc" Minimum="0.90" />
            <MetricThreshold Include="latency_p95_ms" Maximum="50" />
            """);
        folder.Write("metrics.json", """{ "auc": 0.95, "latency_p95_ms": 12 }""");

        // act
        var result = await Product.DotNet.BuildAsync(folder.Path);

        // assert
        result.AssertSuccess();
        var version = Assert.Single(await registry.VersionsAsync("FraudDetection"));
        Assert.Equal(1, version.Version);
        Assert.Contains($"registered: 1 {version.Digest} FraudDetection@1", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_that_misses_thresholds_fails_the_build_with_one_coded_error_per_rule_and_registers_nothing()
    {
        // arrange
        using var folder = Product.CreateFolder("train-fail");
        var registry = new TestRegistry(folder.Combine("registry"));
        Projects.WriteTraining(folder, registry.Path, items: """
            <MetricThreshold Include="auc" Minimum="0.90" />
            <MetricThreshold Include="latency_p95_ms" Maximum="50" />
            <MetricThreshold Include="recall" Minimum="0.5" />
            """);
        folder.Write("metrics.json", """{ "auc": 0.81, "latency_p95_ms": 75, "recall": 0.7 }""");

        // act
        var result = await Product.DotNet.BuildAsync(folder.Path);

        // assert
        result.AssertFailure();
        var errors = CodedErrors(result.StandardOutput, "MRB1203");
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("auc>=0.9", StringComparison.Ordinal) && e.Contains("actual 0.81", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("latency_p95_ms<=50", StringComparison.Ordinal) && e.Contains("missed by 25", StringComparison.Ordinal));
        Assert.Empty(await registry.VersionsAsync("FraudDetection"));
    }

    [Fact]
    public async Task A_malformed_metrics_file_fails_the_build_with_a_coded_error_and_registers_nothing()
    {
        // arrange
        using var folder = Product.CreateFolder("train-malformed");
        var registry = new TestRegistry(folder.Combine("registry"));
        Projects.WriteTraining(folder, registry.Path, items: """<MetricThreshold Include="auc" Minimum="0.90" />""");
        folder.Write("metrics.json", """{ "auc": 0.95, """);

        // act
        var result = await Product.DotNet.BuildAsync(folder.Path);

        // assert
        result.AssertFailure();
        Assert.Single(CodedErrors(result.StandardOutput, "MRB1202"));
        Assert.Empty(await registry.VersionsAsync("FraudDetection"));
    }

    [Fact]
    public async Task A_second_build_with_nothing_changed_skips_registration_and_a_changed_model_registers_a_new_version()
    {
        // arrange
        using var folder = Product.CreateFolder("train-incremental");
        var registry = new TestRegistry(folder.Combine("registry"));
        Projects.WriteTraining(folder, registry.Path, items: """<MetricThreshold Include="auc" Minimum="0.90" />""");
        folder.Write("metrics.json", """{ "auc": 0.95 }""");
        (await Product.DotNet.BuildAsync(folder.Path)).AssertSuccess();

        // act
        var unchanged = await Product.DotNet.BuildAsync(folder.Path, "-v:n");
        folder.Write("weights.txt", "weights v2\n");
        var changed = await Product.DotNet.BuildAsync(folder.Path, "-v:n");

        // assert
        unchanged.AssertSuccess();
        Assert.Contains("Skipping target \"_ModelRegistryRegisterCore\" because all output files are up-to-date", unchanged.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("model-registry register", unchanged.Output, StringComparison.Ordinal);
        Assert.Contains("registered: 1 ", unchanged.Output, StringComparison.Ordinal);
        changed.AssertSuccess();
        Assert.Contains("registered: 2 ", changed.Output, StringComparison.Ordinal);
        Assert.Equal([1, 2], (await registry.VersionsAsync("FraudDetection")).Select(v => v.Version));
    }

    [Fact]
    public async Task ModelRegistrySkip_builds_without_registering()
    {
        // arrange
        using var folder = Product.CreateFolder("train-skip");
        var registry = new TestRegistry(folder.Combine("registry"));
        Projects.WriteTraining(folder, registry.Path);
        folder.Write("metrics.json", """{ "auc": 0.95 }""");

        // act
        var result = await Product.DotNet.BuildAsync(folder.Path, "-p:ModelRegistrySkip=true");

        // assert
        result.AssertSuccess();
        Assert.True(folder.Exists("out/model.bin"));
        Assert.False(Directory.Exists(registry.Path));
    }

    /// <summary>The messages of MSBuild's canonical <c>error CODE: message</c> lines with one code, once each
    /// (MSBuild repeats every error in its closing summary).</summary>
    internal static List<string> CodedErrors(string output, string code) =>
        [.. ErrorLine().Matches(output).Where(m => m.Groups["code"].Value == code).Select(m => m.Groups["message"].Value.Trim()).Distinct()];

    [GeneratedRegex(@"error (?<code>MRB\d{4}): (?<message>.*?)(\s\[[^\]]*\])?$", RegexOptions.Multiline)]
    private static partial Regex ErrorLine();
}
