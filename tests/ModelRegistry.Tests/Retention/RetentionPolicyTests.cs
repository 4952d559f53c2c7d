using ModelRegistry.Manifest;
using ModelRegistry.Naming;
using ModelRegistry.Retention;

namespace ModelRegistry.Tests.Retention;

public sealed class RetentionPolicyTests
{
    [Theory]
    [InlineData("365d", 365 * 24 * 60)]
    [InlineData("36h", 36 * 60)]
    [InlineData("90m", 90)]
    [InlineData("1.5h", 90)]
    public void Durations_read_as_typed_and_write_in_their_shortest_exact_form(string text, int minutes)
    {
        var duration = Durations.Parse(text);

        Assert.Equal(TimeSpan.FromMinutes(minutes), duration);
        Assert.Equal(duration, Durations.Parse(Durations.Format(duration)));
    }

    [Fact]
    public void A_policy_is_stored_with_durations_as_typed_and_reads_back_the_same()
    {
        var policy = new RetentionPolicy { KeepLast = 10, KeepLabelled = true, KeepProductionFor = TimeSpan.FromDays(365), KeepDays = 90 };

        var json = System.Text.Encoding.UTF8.GetString(RegistryJson.Serialize(policy));

        Assert.Equal("""{"keepLast":10,"keepLabelled":true,"keepProductionFor":"365d","keepDays":90}""", json);
        Assert.Equal(policy, RegistryJson.Deserialize<RetentionPolicy>(System.Text.Encoding.UTF8.GetBytes(json), "policy"));
        Assert.Equal("--keep-last 10 --keep-labelled --keep-production-for 365d --keep-days 90", policy.ToString());
    }

    [Fact]
    public void A_model_s_rules_beat_the_default_field_by_field_and_an_empty_policy_keeps_everything()
    {
        var revision = new RetentionRevision
        {
            Revision = 1,
            WriteId = "w",
            Time = DateTimeOffset.UnixEpoch,
            Actor = "tester",
            Default = new RetentionPolicy { KeepLast = 5, KeepLabelled = true },
            Models = new(StringComparer.Ordinal) { ["fraud"] = new ModelRetention("Fraud", new RetentionPolicy { KeepLast = 30 }) },
        };

        Assert.Equal(new RetentionPolicy { KeepLast = 30, KeepLabelled = true }, revision.For("fraud"));
        Assert.Equal(new RetentionPolicy { KeepLast = 5, KeepLabelled = true }, revision.For("churn"));
        Assert.Null((revision with { Default = null, Models = [] }).For("fraud"));
        Assert.True(new RetentionPolicy().KeepsEverything);
        Assert.Equal(RetentionPolicy.DefaultStageWindow, new RetentionPolicy { KeepLast = 1 }.StageWindow);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(null, -1)]
    public void A_policy_that_keeps_nothing_or_counts_backwards_is_MRB1231(int? keepLast, int? keepDays)
    {
        var error = Assert.Throws<RegistryException>(() => new RetentionPolicy { KeepLast = keepLast, KeepDays = keepDays }.Validate());

        Assert.Equal("MRB1231", error.Code);
    }
}
