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
}
