using ModelRegistry.Naming;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Naming;

public class LabelAliasTagTests
{
    private static readonly string[] Stages = ["None", "Staging", "Production", "Archived"];

    [Theory]
    [InlineData("1.2.0")]
    [InlineData("0.0.0")]
    [InlineData("1.2.0-bert-large")]
    [InlineData("1.0.0-rc.1+build.5")]
    [InlineData("10.20.30")]
    public void Label_accepts_semantic_versions(string label)
    {
        Assert.Equal(label, SemanticVersionLabel.Validate(label));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.2")]
    [InlineData("v1.2.0")]
    [InlineData("01.2.0")]
    [InlineData("1.2.0-")]
    [InlineData("1.2.0-a..b")]
    [InlineData("1.2.0 ")]
    [InlineData("latest")]
    public void Label_refuses_anything_else(string label)
    {
        Refusal.Expect("MRB1005", () => SemanticVersionLabel.Validate(label));
    }

    [Fact]
    public void Label_refuses_more_than_128_characters()
    {
        Refusal.Expect("MRB1005", () => SemanticVersionLabel.Validate("1.2.0-" + new string('a', 123)));
    }

    [Theory]
    [InlineData("champion")]
    [InlineData("canary")]
    [InlineData("Champion-2")]
    [InlineData("blue.green_1")]
    public void Alias_accepts_names_starting_with_a_letter(string alias)
    {
        Assert.Equal(alias, AliasName.Validate(alias, Stages));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("production")]
    [InlineData("STAGING")]
    [InlineData("None")]
    [InlineData("Archived")]
    [InlineData("latest")]
    [InlineData("7")]
    [InlineData("1.2.0")]
    [InlineData("sha256abc")]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("-x")]
    [InlineData("a/b")]
    public void Alias_refuses_names_a_reference_reads_as_something_else(string alias)
    {
        Refusal.Expect("MRB1007", () => AliasName.Validate(alias, Stages));
    }

    [Fact]
    public void Alias_refuses_a_configured_custom_stage()
    {
        Refusal.Expect("MRB1007", () => AliasName.Validate("shadow", [.. Stages, "Shadow"]));
    }

    [Fact]
    public void Alias_refuses_more_than_64_characters()
    {
        Refusal.Expect("MRB1007", () => AliasName.Validate(new string('a', 65), Stages));
    }

    [Theory]
    [InlineData("team=fraud", "team", "fraud")]
    [InlineData("k=", "k", "")]
    [InlineData("a=b=c", "a", "b=c")]
    [InlineData("org/team.name-1=x y", "org/team.name-1", "x y")]
    public void Tag_splits_at_the_first_equals_sign(string text, string key, string value)
    {
        Assert.Equal(new KeyValuePair<string, string>(key, value), Tag.Parse(text));
    }

    [Theory]
    [InlineData("=x")]
    [InlineData("novalue")]
    [InlineData("a b=c")]
    [InlineData("k=v\n")]
    [InlineData("k=\u0007")]
    [InlineData("-k=v")]
    public void Tag_refuses_malformed_pairs(string text)
    {
        Refusal.Expect("MRB1008", () => Tag.Parse(text));
    }

    [Fact]
    public void Tag_refuses_more_than_1024_characters()
    {
        Refusal.Expect("MRB1008", () => Tag.Parse("k=" + new string('v', 1023)));
    }
}
