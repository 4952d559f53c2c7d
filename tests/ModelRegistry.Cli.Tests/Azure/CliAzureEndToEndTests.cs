using System.Text.Json;
using Azure.Storage.Sas;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Cli.Tests.Azure;

/// <summary>The model-registry tool as a user runs it, against Azure Blob Storage (Azurite): register, copy folder ->
/// Azure -> folder, promote, resolve, pull; and no credential in anything it prints.</summary>
[Collection(AzuriteTestGroup.Name)]
public sealed class CliAzureEndToEndTests(AzuriteFixture azurite) : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Register_copy_promote_resolve_pull_and_copy_back_through_an_Azure_registry()
    {
        // arrange
        var team = temp.Combine("team-registry");
        var archive = temp.Combine("archive-registry");
        var company = azurite.NewLocation("cli", prefix: "company");
        temp.WriteFile("model/model.bin", "onnx weights"u8.ToArray());
        temp.WriteFile("model/vocab.txt", "a b c"u8.ToArray());

        // act
        var registered = await RunAsync("register", "FraudDetection", temp.Combine("model"), "--registry", team, "--label", "1.0.0");
        var copied = await RunAsync("copy", "FraudDetection@1.0.0", "--registry", team, "--to", company);
        var again = await RunAsync("copy", "FraudDetection@1", "--registry", team, "--to", company);
        var promoted = await RunAsync("promote", "FraudDetection@1", "--to", "Production", "--approved-by", "reviewer", "--registry", company);
        var resolved = await RunAsync("resolve", "FraudDetection@Production", "--registry", company);
        var pulled = await RunAsync("pull", "FraudDetection@Production", "--output", temp.Combine("service/model"), "--registry", company);
        var back = await RunAsync("copy", "FraudDetection@Production", "--registry", company, "--to", archive);

        // assert
        var digest = registered.GetProperty("digest").GetString();
        Assert.True(copied.GetProperty("isNew").GetBoolean());
        Assert.Equal(digest, copied.GetProperty("digest").GetString());
        Assert.False(again.GetProperty("isNew").GetBoolean());
        Assert.Equal(0, again.GetProperty("bytesCopied").GetInt64());
        Assert.Equal("Production", promoted.GetProperty("stage").GetString());
        Assert.Equal(digest, resolved.GetProperty("digest").GetString());
        Assert.Equal(digest, pulled.GetProperty("digest").GetString());
        Assert.Equal("onnx weights", await File.ReadAllTextAsync(temp.Combine("service/model/model.bin")));
        Assert.Equal(digest, back.GetProperty("digest").GetString());
        Assert.Equal("None", back.GetProperty("stage").GetString());
        Assert.Equal(company, back.GetProperty("source").GetProperty("registry").GetString());
    }

    [Fact]
    public async Task A_refused_command_on_a_SAS_location_prints_the_code_and_never_the_signature()
    {
        // arrange
        var admin = azurite.NewStorage("clisas");
        var artifact = temp.WriteFile("model.bin", "weights"u8.ToArray());
        await (await Registry.OpenAsync(admin)).RegisterAsync(new RegistrationRequest { Model = "FraudDetection", Artifacts = [artifact] });
        var sas = admin.Container.GenerateSasUri(BlobContainerSasPermissions.Read | BlobContainerSasPermissions.List, DateTimeOffset.UtcNow.AddHours(1)).ToString();
        var signature = System.Web.HttpUtility.ParseQueryString(new Uri(sas).Query)["sig"]!;

        // act
        var resolved = await CliProcess.RunAsync(temp.Path, "resolve", "FraudDetection@1", "--registry", sas, "--json");
        var register = await CliProcess.RunAsync(temp.Path, "register", "FraudDetection", temp.WriteFile("other.bin", "new weights"u8.ToArray()), "--registry", sas, "--json");

        // assert
        Assert.Equal(0, resolved.ExitCode);
        Assert.Equal(1, register.ExitCode);
        Assert.Contains("error MRB1406", register.Stderr, StringComparison.Ordinal);
        foreach (var printed in new[] { resolved.Stdout, resolved.Stderr, register.Stdout, register.Stderr })
        {
            Assert.DoesNotContain(signature, printed, StringComparison.Ordinal);
            Assert.DoesNotContain(Uri.EscapeDataString(signature), printed, StringComparison.Ordinal);
            Assert.DoesNotContain("sig=", printed, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task An_azure_location_takes_its_connection_string_from_the_environment_and_never_prints_the_key()
    {
        // arrange
        var container = azurite.NewContainerName("cliconn");
        var artifact = temp.WriteFile("model.bin", "weights"u8.ToArray());
        var environment = new Dictionary<string, string> { [ModelRegistry.Storage.Azure.AzureConnector.ConnectionStringVariable] = azurite.ConnectionString };

        // act
        var registered = await RunWithEnvironmentAsync(environment, "register", "FraudDetection", artifact, "--registry", $"azure://{container}/team", "--json");
        var missing = await RunWithEnvironmentAsync(new Dictionary<string, string>(), "resolve", "FraudDetection@1", "--registry", $"azure://{container}/team", "--json");

        // assert
        Assert.Equal(0, registered.ExitCode);
        Assert.True(JsonDocument.Parse(registered.Stdout).RootElement.GetProperty("isNew").GetBoolean());
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("error MRB1402", missing.Stderr, StringComparison.Ordinal);
        foreach (var printed in new[] { registered.Stdout, registered.Stderr, missing.Stdout, missing.Stderr })
        {
            Assert.DoesNotContain(ModelRegistry.Storage.Azure.AzuriteAccount.Key[..24], printed, StringComparison.Ordinal);
        }
    }

    /// <summary>Runs the tool with exactly these extra variables (and without the connection string otherwise).</summary>
    private Task<CliOutcome> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        CliProcess.RunAsync(temp.Path, environment, args);

    private async Task<JsonElement> RunAsync(params string[] args)
    {
        var result = await CliProcess.RunAsync(temp.Path, [.. args, "--json"]);
        Assert.True(result.ExitCode == 0, $"model-registry {string.Join(' ', args)} exited {result.ExitCode}: {result.Stderr}");
        return JsonDocument.Parse(result.Stdout).RootElement;
    }
}
