using ModelRegistry.Faces;
using Xunit;

namespace ModelRegistry.Build.Tests.Units;

/// <summary>Which registry locations travel in the environment instead of on the tool's command line.</summary>
public sealed class CliProcessEnvironmentTests
{
    [Theory]
    [InlineData("https://acct.blob.core.windows.net/models?sv=2024-08-04&sig=abc")]
    [InlineData("https://user:pw@registry.example.com/models")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abc==")]
    [InlineData("BlobEndpoint=https://a.blob.core.windows.net/;SharedAccessSignature=sv=1&sig=abc")]
    public void Locations_with_a_credential_travel_in_the_environment(string location)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal) { ["GITHUB_OUTPUT"] = "/tmp/out", ["GITHUB_ACTIONS"] = "true" };

        CliProcessEnvironment.Apply(variables, location);

        Assert.Null(CliProcessEnvironment.RegistryArgument(location));
        Assert.Equal(location, variables["MODEL_REGISTRY"]);
        Assert.Equal(("", "true", "Major"), (variables["GITHUB_OUTPUT"], variables["GITHUB_ACTIONS"], variables["DOTNET_ROLL_FORWARD"]));
    }

    [Theory]
    [InlineData("https://acct.blob.core.windows.net/models")]
    [InlineData("/srv/registry")]
    [InlineData("registry")]
    public void Locations_without_one_stay_on_the_command_line(string location)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);

        CliProcessEnvironment.Apply(variables, location);

        Assert.Equal(location, CliProcessEnvironment.RegistryArgument(location));
        Assert.False(variables.ContainsKey("MODEL_REGISTRY"));
    }
}
