using EndToEnd.Tests.Infrastructure;
using Xunit;

namespace EndToEnd.Tests.Cake;

/// <summary>Real <c>dotnet cake</c> runs of scripts that load the packed addin, which runs its bundled CLI.</summary>
[Collection(CakeAddinCollectionDefinition.Name)]
public sealed class CakeAddinTests(CakeAddinFixture fixture)
{
    private const string Model = """
        Task("Model").Does(() =>
        {
            System.IO.Directory.CreateDirectory("out");
            System.IO.File.WriteAllText("out/metrics.json", "{\"auc\": 0.93, \"latency_p95_ms\": 4.2}");
            System.IO.File.WriteAllBytes("out/model.zip", new byte[] { 1, 2, 3, 4, 5 });
        });
        """;

    [Fact]
    public async Task Metrics_that_pass_their_thresholds_are_evaluated_registered_and_resolved()
    {
        // arrange
        using var script = CakeScript.Create(fixture.Product, "cake-pass", Model + """

            Task("Default").IsDependentOn("Model").Does(() =>
            {
                var verdict = ModelRegistryEvaluate("out/metrics.json", "auc>=0.90", "latency_p95_ms<=50");
                Information("verdict {0} margin {1}", verdict.Passed, verdict.Rules[0].Margin);
                var registration = ModelRegistryRegister("FraudDetection", "out/model.zip", new ModelRegistryRegisterSettings
                {
                    Registry = "registry",
                    Metrics = "out/metrics.json",
                    Thresholds = { "auc>=0.90" },
                    Label = "1.0.0",
                    Tags = { ["team"] = "risk" },
                });
                Information("registered {0} new {1}", registration.Version.Reference, registration.IsNew);
                var again = ModelRegistryRegister("FraudDetection", "out/model.zip", new ModelRegistryRegisterSettings { Registry = "registry", Metrics = "out/metrics.json", Label = "1.0.0", Tags = { ["team"] = "risk" } });
                Information("again {0} new {1}", again.Version.Reference, again.IsNew);
                var resolved = ModelRegistryResolve("FraudDetection@1.0.0", new ModelRegistryResolveSettings { Registry = "registry" });
                Information("resolved {0} auc {1} digest {2}", resolved.Reference, resolved.Metrics["auc"], resolved.Digest == registration.Version.Digest);
            });
            """);

        // act
        var result = await script.RunAsync("Default");

        // assert
        result.AssertSuccess();
        Assert.Contains("verdict True margin 0.03", result.Output, StringComparison.Ordinal);
        Assert.Contains("registered FraudDetection@1 new True", result.Output, StringComparison.Ordinal);
        Assert.Contains("again FraudDetection@1 new False", result.Output, StringComparison.Ordinal);
        Assert.Contains("resolved FraudDetection@1 auc 0.93 digest True", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_threshold_that_is_not_met_fails_the_task_with_its_coded_message_and_registers_nothing()
    {
        // arrange
        using var script = CakeScript.Create(fixture.Product, "cake-fail", Model + """

            Task("Register").IsDependentOn("Model").Does(() =>
            {
                ModelRegistryRegister("FraudDetection", "out/model.zip", new ModelRegistryRegisterSettings
                {
                    Registry = "registry",
                    Metrics = "out/metrics.json",
                    Thresholds = { "auc>=0.99", "latency_p95_ms<=50" },
                });
                Information("this line is never reached");
            });
            """);

        // act
        var result = await script.RunAsync("Register");

        // assert
        result.AssertFailure();
        Assert.Contains("MRB1203", result.Output, StringComparison.Ordinal);
        Assert.Contains("auc>=0.99", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("latency_p95_ms<=50' not met", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("this line is never reached", result.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(script.Folder.Combine("registry", "models")) && Directory.EnumerateFiles(script.Folder.Combine("registry", "models"), "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task A_failed_verdict_is_returned_when_the_script_accepts_the_gate_exit_code()
    {
        // arrange
        using var script = CakeScript.Create(fixture.Product, "cake-handled", Model + """

            Task("Default").IsDependentOn("Model").Does(() =>
            {
                var verdict = ModelRegistryEvaluate("out/metrics.json", new ModelRegistryEvaluateSettings
                {
                    Thresholds = { "auc>=0.99" },
                    HandleExitCode = code => code == 3,
                });
                Information("passed {0}, failures {1}", verdict.Passed, string.Join(", ", verdict.Failures.Select(f => f.Rule)));
            });
            """);

        // act
        var result = await script.RunAsync("Default");

        // assert
        result.AssertSuccess();
        Assert.Contains("passed False, failures auc>=0.99", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_is_promoted_through_Staging_to_Production_with_an_approval_and_pulled()
    {
        // arrange
        using var script = CakeScript.Create(fixture.Product, "cake-promote", Model + """

            var registry = "registry";

            Task("Register").IsDependentOn("Model").Does(() =>
            {
                ModelRegistryRegister("FraudDetection", "out/model.zip", new ModelRegistryRegisterSettings { Registry = registry, Metrics = "out/metrics.json" });
                System.IO.File.WriteAllBytes("out/model.zip", new byte[] { 9, 9, 9 });
                ModelRegistryRegister("FraudDetection", "out/model.zip", new ModelRegistryRegisterSettings { Registry = registry, Metrics = "out/metrics.json" });
            });

            Task("Unapproved").IsDependentOn("Register").Does(() =>
            {
                ModelRegistryPromote("FraudDetection@1", "Production", new ModelRegistryPromoteSettings { Registry = registry });
            });

            Task("Promote").IsDependentOn("Register").Does(() =>
            {
                var staging = ModelRegistryPromote("FraudDetection@1", "Staging", new ModelRegistryPromoteSettings { Registry = registry, Reason = "integration tests" });
                Information("staging {0} from {1}", staging.Reference, staging.FromStage);
                ModelRegistryPromote("FraudDetection@Staging", "Production", new ModelRegistryPromoteSettings { Registry = registry, ApprovedBy = "alice" });
                ModelRegistryPromote("FraudDetection@2", "Staging", new ModelRegistryPromoteSettings { Registry = registry });
                var second = ModelRegistryPromote("FraudDetection@2", "Production", new ModelRegistryPromoteSettings { Registry = registry, ApprovedBy = "bob", Reason = "newer" });
                Information("production {0} displaced {1} to {2}", second.Reference, second.Displaced, second.DisplacedTo);
                var pulled = ModelRegistryPull("FraudDetection@Production", "serving", new ModelRegistryPullSettings { Registry = registry });
                Information("pulled {0} into {1}", pulled.Reference, System.IO.Path.GetFileName(pulled.Output));
                var restored = ModelRegistryRestore(new[] { "FraudDetection@Production" }, new ModelRegistryRestoreSettings { Registry = registry, LockFile = "service/models.lock.json", Cache = "cache" });
                var model = restored.Models.Single();
                Information("restored {0} as version {1}, {2}, pulled {3}, lock written {4}", model.Model + "@" + model.Requested, model.Version, model.Change, model.Pulled, restored.LockWritten);
                Information("cached bytes {0}", System.IO.File.ReadAllBytes(System.IO.Path.Combine(model.Path, "model.zip")).Length);
                var locked = ModelRegistryRestore(new[] { "FraudDetection@Production" }, new ModelRegistryRestoreSettings { Registry = registry, LockFile = "service/models.lock.json", Cache = "cache", Locked = true });
                Information("locked restore: {0}, lock written {1}", locked.Models.Single().Change, locked.LockWritten);
            });
            """);

        // act
        var refused = await script.RunAsync("Unapproved");
        var promoted = await script.RunAsync("Promote");

        // assert
        refused.AssertFailure();
        Assert.Contains("MRB1301", refused.Output, StringComparison.Ordinal);
        promoted.AssertSuccess();
        Assert.Contains("staging FraudDetection@1 from None", promoted.Output, StringComparison.Ordinal);
        Assert.Contains("production FraudDetection@2 displaced 1 to Archived", promoted.Output, StringComparison.Ordinal);
        Assert.Contains("pulled FraudDetection@2 into serving", promoted.Output, StringComparison.Ordinal);
        Assert.Equal(new byte[] { 9, 9, 9 }, File.ReadAllBytes(script.Folder.Combine("serving", "model.zip")));
        Assert.Contains("restored FraudDetection@Production as version 2, Resolved, pulled True, lock written True", promoted.Output, StringComparison.Ordinal);
        Assert.Contains("cached bytes 3", promoted.Output, StringComparison.Ordinal);
        Assert.Contains("locked restore: Pinned, lock written False", promoted.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(script.Folder.Combine("service", "models.lock.json")));
    }

    [Fact]
    public async Task A_retention_policy_is_set_planned_and_applied_with_the_addin()
    {
        // arrange
        using var script = CakeScript.Create(fixture.Product, "cake-retention", Model + """

            var registry = "registry";

            Task("Retention").IsDependentOn("Model").Does(() =>
            {
                for (var i = 1; i <= 3; i++)
                {
                    System.IO.File.WriteAllBytes("out/model.zip", new byte[] { (byte)i });
                    ModelRegistryRegister("FraudDetection", "out/model.zip", new ModelRegistryRegisterSettings { Registry = registry, Metrics = "out/metrics.json" });
                }

                var policy = ModelRegistrySetRetention(new ModelRegistryRetentionSettings { Registry = registry, KeepLast = 1, Reason = "storage costs" });
                Information("policy revision {0} by {1}: {2}", policy.Revision.Revision, policy.Revision.Actor, policy.Revision.Reason);
                var own = ModelRegistrySetRetention(new ModelRegistryRetentionSettings { Registry = registry, Model = "FraudDetection", KeepLabelled = true });
                Information("FraudDetection follows {0}", own.Applies);
                var plan = ModelRegistryGc(new ModelRegistryGcSettings { Registry = registry });
                var model = plan.Models.Single();
                Information("plan: dry run {0}, purge {1}, keep {2} because {3}", plan.DryRun, string.Join(",", model.Purge.Select(p => p.Version)), model.Kept.Single().Version, model.Kept.Single().Rules.Single());
                var applied = ModelRegistryGc(new ModelRegistryGcSettings { Registry = registry, Apply = true });
                Information("applied: purge revision {0}", applied.Models.Single().PurgeRevision);
            });
            """);

        // act
        var result = await script.RunAsync("Retention");

        // assert
        result.AssertSuccess();
        Assert.Contains("policy revision 1 by ", result.Output, StringComparison.Ordinal);
        Assert.Contains(": storage costs", result.Output, StringComparison.Ordinal);
        Assert.Contains("FraudDetection follows --keep-last 1 --keep-labelled", result.Output, StringComparison.Ordinal);
        Assert.Contains("plan: dry run True, purge 1,2, keep 3 because among the last 1", result.Output, StringComparison.Ordinal);
        Assert.Contains("applied: purge revision 4", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_registry_site_is_generated_and_a_second_run_rewrites_nothing()
    {
        // arrange
        using var script = CakeScript.Create(fixture.Product, "cake-report", Model + """

            Task("Site").IsDependentOn("Model").Does(() =>
            {
                ModelRegistryRegister("FraudDetection", "out/model.zip", new ModelRegistryRegisterSettings { Registry = "registry", Metrics = "out/metrics.json" });
                var first = ModelRegistryReport("site", new ModelRegistryReportSettings { Registry = "registry", Models = { "FraudDetection" } });
                Information("first: {0} written of {1} for {2}", first.Written.Count, first.Pages, string.Join(",", first.Models));
                var second = ModelRegistryReport("site", new ModelRegistryReportSettings { Registry = "registry" });
                Information("second: {0} written, {1} unchanged", second.Written.Count, second.Unchanged);
            });
            """);

        // act
        var result = await script.RunAsync("Site");

        // assert
        result.AssertSuccess();
        Assert.Matches(@"first: (\d+) written of \1 for FraudDetection", result.Output);
        Assert.Matches(@"second: 0 written, [1-9]\d* unchanged", result.Output);
        Assert.True(File.Exists(script.Folder.Combine("site", "index.html")));
        Assert.True(File.Exists(script.Folder.Combine("site", "models", "FraudDetection", "v1.html")));
    }
}
