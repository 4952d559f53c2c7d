using ModelRegistry.Naming;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Naming;

public class ModelReferenceTests
{
    private const string Hex = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public void Number()
    {
        var reference = ModelReference.Parse("FraudDetection@7");

        Assert.Equal(("FraudDetection", ReferenceKind.Number, "7"), (reference.Model, reference.Kind, reference.Selector));
        Assert.Equal(7, reference.Number);
    }

    [Fact]
    public void Number_with_leading_zeros_is_the_same_number()
    {
        Assert.Equal("7", ModelReference.Parse("FraudDetection@007").Selector);
    }

    [Theory]
    [InlineData("FraudDetection@Production", "Production")]
    [InlineData("FraudDetection@Staging", "Staging")]
    [InlineData("FraudDetection@champion", "champion")]
    [InlineData("FraudDetection@canary-2", "canary-2")]
    public void Stage_or_alias_is_a_name_decided_against_the_registry(string text, string selector)
    {
        var reference = ModelReference.Parse(text);

        Assert.Equal(ReferenceKind.Name, reference.Kind);
        Assert.Equal(selector, reference.Selector);
    }

    [Theory]
    [InlineData("FraudDetection@1.2.0", "1.2.0")]
    [InlineData("FraudDetection@1.2.0-bert-large", "1.2.0-bert-large")]
    [InlineData("FraudDetection@0.0.1+build.7", "0.0.1+build.7")]
    public void Semantic_version_label(string text, string label)
    {
        var reference = ModelReference.Parse(text);

        Assert.Equal(ReferenceKind.Label, reference.Kind);
        Assert.Equal(label, reference.Selector);
    }

    [Fact]
    public void Digest_is_normalised_to_lower_case()
    {
        var reference = ModelReference.Parse("FraudDetection@sha256:" + Hex.ToUpperInvariant());

        Assert.Equal(ReferenceKind.Digest, reference.Kind);
        Assert.Equal("sha256:" + Hex, reference.Selector);
    }

    [Theory]
    [InlineData("FraudDetection")]
    [InlineData("FraudDetection@latest")]
    [InlineData("FraudDetection@LATEST")]
    public void Bare_name_or_latest_is_the_latest_version(string text)
    {
        var reference = ModelReference.Parse(text);

        Assert.Equal(("FraudDetection", ReferenceKind.Latest), (reference.Model, reference.Kind));
        Assert.Equal("FraudDetection", reference.ToString());
    }

    [Theory]
    [InlineData("FraudDetection@7")]
    [InlineData("FraudDetection@Production")]
    [InlineData("FraudDetection@1.2.0")]
    [InlineData("FraudDetection@sha256:" + Hex)]
    public void Prints_as_written(string text)
    {
        Assert.Equal(text, ModelReference.Parse(text).ToString());
    }

    [Theory]
    [InlineData("FraudDetection@")]
    [InlineData("FraudDetection@0")]
    [InlineData("FraudDetection@99999999999")]
    [InlineData("FraudDetection@sha256:")]
    [InlineData("FraudDetection@sha256:abc")]
    [InlineData("FraudDetection@sha256:" + Hex + "0")]
    [InlineData("FraudDetection@sha256:zz23456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("FraudDetection@a b")]
    [InlineData("FraudDetection@7@8")]
    [InlineData("FraudDetection@../x")]
    [InlineData("FraudDetection@a/b")]
    [InlineData("FraudDetection@champion\n")]
    public void Refuses_malformed_selectors(string text)
    {
        var error = Refusal.Expect("MRB1002", () => ModelReference.Parse(text));

        Assert.DoesNotContain(error.Message, char.IsControl);
    }

    [Fact]
    public void Refuses_an_overlong_selector()
    {
        Refusal.Expect("MRB1002", () => ModelReference.Parse("FraudDetection@" + new string('a', 65)));
    }

    [Theory]
    [InlineData("@Production")]
    [InlineData("@7")]
    [InlineData("")]
    [InlineData("../x@7")]
    [InlineData("a/b@Production")]
    [InlineData("bad name@1")]
    public void Refuses_an_invalid_model_name_in_a_reference(string text)
    {
        Refusal.Expect("MRB1001", () => ModelReference.Parse(text));
    }
}
