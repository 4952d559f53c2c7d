using ModelRegistry.Naming;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Naming;

public class ModelNameTests
{
    [Theory]
    [InlineData("FraudDetection")]
    [InlineData("a")]
    [InlineData("9lives")]
    [InlineData("model.v2")]
    [InlineData("my_model-3")]
    [InlineData("a..b")]
    public void Accepts_names_made_of_letters_digits_dots_underscores_and_dashes(string name)
    {
        Assert.True(ModelName.IsValid(name));
        Assert.Equal(name, ModelName.Validate(name));
    }

    [Fact]
    public void Accepts_128_characters()
    {
        var name = new string('m', 128);

        Assert.Equal(name, ModelName.Validate(name));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("a b")]
    [InlineData("trailing.")]
    [InlineData(".hidden")]
    [InlineData("-dash")]
    [InlineData("_under")]
    [InlineData("a\nb")]
    [InlineData("a\u0000b")]
    [InlineData("a\tb")]
    [InlineData("a\u001bb")]
    [InlineData("modèle")]
    [InlineData("a@b")]
    [InlineData("a:b")]
    public void Refuses_names_that_are_not_safe_paths(string name)
    {
        Assert.False(ModelName.IsValid(name));
        Refusal.Expect("MRB1001", () => ModelName.Validate(name));
    }

    [Theory]
    [InlineData(129)]
    [InlineData(200)]
    public void Refuses_names_longer_than_128_characters(int length)
    {
        Refusal.Expect("MRB1001", () => ModelName.Validate(new string('m', length)));
    }

    [Fact]
    public void Refuses_null()
    {
        Refusal.Expect("MRB1001", () => ModelName.Validate(null));
    }

    [Fact]
    public void Error_message_never_carries_control_characters()
    {
        var error = Refusal.Expect("MRB1001", () => ModelName.Validate("bad\u001b[31mname\n"));

        Assert.DoesNotContain(error.Message, char.IsControl);
    }

    [Fact]
    public void Error_message_of_a_huge_name_is_shortened()
    {
        var error = Refusal.Expect("MRB1001", () => ModelName.Validate(new string('x', 5000)));

        Assert.True(error.Message.Length < 600, error.Message);
    }

    [Fact]
    public void Key_ignores_case_so_names_are_unique_ignoring_case()
    {
        Assert.Equal(ModelName.Key("FraudDetection"), ModelName.Key("frauddetection"));
        Assert.Equal("frauddetection", ModelName.Key("FraudDetection"));
    }

    [Theory]
    [InlineData("CON")]
    [InlineData("nul")]
    [InlineData("Aux.onnx")]
    [InlineData("com1")]
    [InlineData("LPT9.model")]
    [InlineData("prn")]
    public void A_new_model_may_not_take_a_name_Windows_reserves(string name)
    {
        Refusal.Expect("MRB1030", () => ModelNameRules.EnsureCreatable(name, existing: null));
    }

    [Theory]
    [InlineData("CONSOLE")]
    [InlineData("com10")]
    [InlineData("Nullable")]
    [InlineData("LPT")]
    public void Names_that_only_start_like_a_device_are_fine(string name)
    {
        ModelNameRules.EnsureCreatable(name, existing: null);
    }

    [Fact]
    public async Task Registering_under_a_spelling_that_differs_only_by_case_is_refused_and_writes_nothing()
    {
        using var harness = new RegistryHarness();
        var registry = await harness.OpenAsync();
        await harness.RegisterAsync(registry, "FraudDetection", "v1");

        var error = await Refusal.ExpectAsync("MRB1031", harness.Root, () => harness.RegisterAsync(registry, "frauddetection", "v2"));

        Assert.Contains("'FraudDetection'", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await registry.ResolveAsync("frauddetection@latest")).Version);
        await Refusal.ExpectAsync("MRB1030", harness.Root, () => harness.RegisterAsync(registry, "NUL", "v1"));
    }
}
