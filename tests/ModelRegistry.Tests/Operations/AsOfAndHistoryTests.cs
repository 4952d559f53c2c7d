using ModelRegistry.Manifest;
using ModelRegistry.Policies;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Operations;

public class AsOfAndHistoryTests : IDisposable
{
    private readonly RegistryHarness harness = new();

    public void Dispose() => harness.Dispose();

    /// <summary>Revisions: 1 register v1 (label 1.0.0), 2 v1 to Staging, 3 register v2 (label 2.0.0), 4 v2 to Staging,
    /// 5 v2 to Production, 6 alias champion to v2.</summary>
    private async Task<Registry> WithHistoryAsync()
    {
        var registry = await harness.OpenAsync();
        await harness.RegisterAsync(registry, "FraudDetection", "w1", r => r with { Label = "1.0.0" });
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Staging", approver: null, reason: "first candidate");
        await harness.RegisterAsync(registry, "FraudDetection", "w2", r => r with { Label = "2.0.0" });
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@2", "Staging", approver: null);
        await registry.PromoteAsync(new PromotionRequest
        {
            Reference = "FraudDetection@2",
            Stage = "Production",
            Reason = "beats v1",
            Evidence = PromotionEvidence.LocalApproval("alice") with { Details = new() { ["pr"] = 17 } },
            Actor = "bob",
        });
        await registry.SetAliasAsync("FraudDetection@2", "champion", null, "bob");
        return registry;
    }

    [Theory]
    [InlineData("1", "FraudDetection", 1)]
    [InlineData("2", "FraudDetection@Staging", 1)]
    [InlineData("3", "FraudDetection@Staging", 1)]
    [InlineData("3", "FraudDetection", 2)]
    [InlineData("4", "FraudDetection@Staging", 2)]
    [InlineData("5", "FraudDetection@Production", 2)]
    [InlineData("6", "FraudDetection@champion", 2)]
    [InlineData("1", "FraudDetection@1.0.0", 1)]
    [InlineData("3", "FraudDetection@2.0.0", 2)]
    public async Task Resolve_as_of_a_revision_sees_the_registry_as_it_was(string asOf, string reference, int version)
    {
        var registry = await WithHistoryAsync();

        Assert.Equal(version, (await registry.ResolveAsync(reference, AsOf.Parse(asOf))).Version);
    }

    [Theory]
    [InlineData("1", "FraudDetection@Staging")]
    [InlineData("2", "FraudDetection@2")]
    [InlineData("2", "FraudDetection@2.0.0")]
    [InlineData("4", "FraudDetection@Production")]
    [InlineData("5", "FraudDetection@champion")]
    [InlineData("0", "FraudDetection")]
    public async Task Resolve_as_of_a_revision_does_not_see_what_came_later(string asOf, string reference)
    {
        var registry = await WithHistoryAsync();

        await Refusal.ExpectAsync("MRB1004", harness.Root, () => registry.ResolveAsync(reference, AsOf.Parse(asOf)));
    }

    [Fact]
    public async Task Digest_reference_as_of_before_the_version_existed_is_not_found()
    {
        var registry = await WithHistoryAsync();
        var v2 = await registry.ResolveAsync("FraudDetection@2");

        await Refusal.ExpectAsync("MRB1004", harness.Root, () => registry.ResolveAsync("FraudDetection@" + v2.Digest, AsOf.Parse("2")));
        Assert.Equal(2, (await registry.ResolveAsync("FraudDetection@" + v2.Digest, AsOf.Parse("3"))).Version);
    }

    [Fact]
    public async Task Stage_and_list_as_of_a_revision_report_the_stages_of_then()
    {
        var registry = await WithHistoryAsync();

        var then = await (await harness.OpenAsync()).ListVersionsAsync("FraudDetection", AsOf.Parse("4"));

        Assert.Equal([(1, "None"), (2, "Staging")], then.Select(v => (v.Version, v.Stage)));
        Assert.Equal(4, then[0].ModelRevision);
    }

    [Fact]
    public async Task Resolve_as_of_a_time_uses_the_last_revision_committed_by_then()
    {
        var registry = await WithHistoryAsync();
        var history = await registry.HistoryAsync("FraudDetection");

        var atStaging = new AsOf(null, history[1].Time);
        var beforeAnything = new AsOf(null, history[0].Time.AddTicks(-1));

        Assert.Equal(1, (await registry.ResolveAsync("FraudDetection@Staging", atStaging)).Version);
        Assert.Equal(2, (await registry.ResolveAsync("FraudDetection@Production", new AsOf(null, history[^1].Time.AddDays(1)))).Version);
        await Refusal.ExpectAsync("MRB1004", harness.Root, () => registry.ResolveAsync("FraudDetection", beforeAnything));
    }

    [Fact]
    public async Task Resolve_as_of_an_iso_time_text()
    {
        var registry = await WithHistoryAsync();
        var history = await registry.HistoryAsync("FraudDetection");
        var text = history[3].Time.ToOffset(TimeSpan.FromHours(2)).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(2, (await registry.ResolveAsync("FraudDetection@Staging", AsOf.Parse(text))).Version);
    }

    [Theory]
    [InlineData("12", 12L, null)]
    [InlineData("0", 0L, null)]
    [InlineData("2026-11-28T10:00:00Z", null, "2026-11-28T10:00:00+00:00")]
    [InlineData("2026-11-28T12:00:00+02:00", null, "2026-11-28T10:00:00+00:00")]
    [InlineData("2026-11-28T10:00:00", null, "2026-11-28T10:00:00+00:00")]
    [InlineData("2026-11-28", null, "2026-11-28T00:00:00+00:00")]
    public void As_of_reads_a_revision_or_an_iso_time(string text, long? revision, string? time)
    {
        var asOf = AsOf.Parse(text);

        Assert.Equal(revision, asOf.Revision);
        Assert.Equal(time is null ? null : DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture), asOf.Time);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("-1")]
    [InlineData("")]
    [InlineData("1.5")]
    [InlineData("2026-13-45")]
    [InlineData("1/2/2026")]
    [InlineData("Nov 28 2026")]
    public void As_of_refuses_anything_else_as_a_usage_error(string text)
    {
        var error = Refusal.Expect("MRB1013", () => AsOf.Parse(text));

        Assert.Equal(ErrorKind.Usage, error.Kind);
    }

    [Fact]
    public async Task History_tells_who_when_what_why_and_with_which_evidence()
    {
        var started = DateTimeOffset.UtcNow.AddSeconds(-1);
        var registry = await WithHistoryAsync();

        var history = await (await harness.OpenAsync()).HistoryAsync("FraudDetection");

        Assert.Equal([1L, 2, 3, 4, 5, 6], history.Select(e => e.Revision));
        Assert.Equal(
            [Operation.Register, Operation.Stage, Operation.Register, Operation.Stage, Operation.Stage, Operation.AliasSet],
            history.Select(e => e.Operation));
        Assert.All(history, e => Assert.InRange(e.Time, started, DateTimeOffset.UtcNow));
        Assert.Equal(history.Select(e => e.Time).Order(), history.Select(e => e.Time));
        Assert.All(history, e => Assert.Equal("FraudDetection", e.Model));
        Assert.Equal(history.Count, history.Select(e => e.WriteId).Distinct().Count());

        var register = history[0];
        Assert.Equal((RegistryHarness.Actor, 1, "1.0.0"), (register.Actor, register.Version, register.Label));
        Assert.Matches("^sha256:[0-9a-f]{64}$", register.Record);
        Assert.Matches("^sha256:[0-9a-f]{64}$", register.Recipe);

        Assert.Equal(("Staging", "None", "first candidate"), (history[1].Stage, history[1].FromStage, history[1].Reason));
        Assert.Equal(register.Record, history[1].Record);

        var production = history[4];
        Assert.Equal(("bob", 2, "Production", "Staging", "beats v1"), (production.Actor, production.Version, production.Stage, production.FromStage, production.Reason));
        Assert.Equal("alice", (string?)production.Evidence!["approvers"]![0]);
        Assert.Equal(17, (int?)production.Evidence["details"]!["pr"]);

        Assert.Equal(("bob", "champion", 2), (history[5].Actor, history[5].Alias, history[5].Version));
    }

    [Fact]
    public async Task History_records_the_displaced_version()
    {
        var registry = await harness.OpenAsync();
        await harness.RegisterAsync(registry, "M", "w1");
        await harness.RegisterAsync(registry, "M", "w2");
        await RegistryHarness.PromoteAsync(registry, "M@1", "Production");
        await RegistryHarness.PromoteAsync(registry, "M@2", "Production");

        var last = (await registry.HistoryAsync("M"))[^1];

        Assert.Equal((2, "Production", 1, "Archived"), (last.Version, last.Stage, last.Displaced, last.DisplacedTo));
    }

    [Fact]
    public async Task History_as_of_stops_at_that_point()
    {
        var registry = await WithHistoryAsync();

        Assert.Equal([1L, 2, 3], (await registry.HistoryAsync("FraudDetection", AsOf.Parse("3"))).Select(e => e.Revision));
    }

    [Fact]
    public async Task Promotion_events_are_history_only()
    {
        var registry = await WithHistoryAsync();

        var requested = await registry.RecordPromotionEventAsync("FraudDetection@1", "production", Operation.PromotionRequested, null, "asking", "carol");
        var rejected = await registry.RecordPromotionEventAsync("FraudDetection@1", "Production", Operation.PromotionRejected, PromotionEvidence.LocalApproval("alice"), "not yet", "alice");

        Assert.Equal((7L, "Production"), (requested.Revision, requested.Stage));
        Assert.Equal(8, rejected.Revision);
        Assert.Equal(2, (await (await harness.OpenAsync()).ResolveAsync("FraudDetection@Production")).Version);
        Assert.Equal(Operation.PromotionRejected, (await registry.HistoryAsync("FraudDetection"))[^1].Operation);
    }

    [Fact]
    public async Task History_of_an_unknown_model_is_refused()
    {
        var registry = await WithHistoryAsync();

        await Refusal.ExpectAsync("MRB1003", harness.Root, () => registry.HistoryAsync("Nope"));
        await Refusal.ExpectAsync("MRB1003", harness.Root, () => registry.ListVersionsAsync("Nope"));
        await Refusal.ExpectAsync("MRB1003", harness.Root, () => registry.ResolveAsync("Nope@Production"));
    }
}
