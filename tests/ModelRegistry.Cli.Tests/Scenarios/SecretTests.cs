namespace ModelRegistry.Cli.Tests.Scenarios;

/// <summary>A secret a user put on the command line (a token in the training command, a SAS signature in a dataset
/// URI) reaches no output, no error and no registry file.</summary>
public sealed class SecretTests : Scenario
{
    private const string Command = "python train.py --tokenizer bert-base --hf-token=hf_SECRET1 --password SECRET2 --db-password \"SECRET3 x\" --epochs 3 HF_TOKEN=SECRET4 -H \"Authorization: Bearer SECRET5\" https://user:SECRET6@host/data";

    private string[] Everything()
    {
        var files = Directory.EnumerateFiles(Registry, "*", SearchOption.AllDirectories).Select(File.ReadAllText);
        return [.. files];
    }

    [Fact]
    public async Task Credentials_in_the_training_command_are_recorded_masked_and_the_rest_as_written()
    {
        Temp.WriteFile("model.bin", [1, 2, 3]);

        var (registered, _) = await Json("register", "FraudDetection", "model.bin", "--command", Command);
        var lineage = await Cli("lineage", "FraudDetection@1");
        var provenance = await Cli("provenance", "FraudDetection@1");

        Assert.True(registered.ExitCode == 0, registered.Stderr);
        var printed = string.Join("\n", registered.Stdout, registered.Stderr, lineage.Stdout, lineage.Stderr, provenance.Stdout, provenance.Stderr);
        foreach (var secret in new[] { "SECRET1", "SECRET2", "SECRET3", "SECRET4", "SECRET5", "SECRET6" })
        {
            Assert.DoesNotContain(secret, printed, StringComparison.Ordinal);
            Assert.DoesNotContain(Everything(), text => text.Contains(secret, StringComparison.Ordinal));
        }

        var registry = await ModelRegistry.Registry.OpenAsync(Registry);
        var recorded = (await registry.ReadRecordAsync("FraudDetection", (await registry.ResolveAsync("FraudDetection@1")).Digest)).Recipe.Command;
        Assert.Equal("python train.py --tokenizer bert-base --hf-token=*** --password *** --db-password *** --epochs 3 HF_TOKEN=*** -H \"Authorization: Bearer ***\" https://host/data", recorded);
    }

    [Fact]
    public async Task Credentials_pasted_into_tags_the_description_and_the_container_image_are_recorded_masked()
    {
        // arrange
        Temp.WriteFile("model.bin", [1, 2, 3]);

        // act
        var (registered, _) = await Json(
            "register", "FraudDetection", "model.bin",
            "--tag", "conn=DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=SECRET7;EndpointSuffix=core.windows.net",
            "--tag", "owner=fraud-team",
            "--description", "trained from https://acct.blob.core.windows.net/c/train.csv?sv=2024&sig=SECRET8",
            "--container-image", "robot:SECRET9@registry.example.com/train/fraud:1.4");
        var shown = await Cli("show", "FraudDetection@1");

        // assert: no secret in any output or registry file; the rest as written
        Assert.True(registered.ExitCode == 0, registered.Stderr);
        foreach (var secret in new[] { "SECRET7", "SECRET8", "SECRET9" })
        {
            Assert.DoesNotContain(secret, registered.Stdout + registered.Stderr + shown.Stdout + shown.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain(Everything(), text => text.Contains(secret, StringComparison.Ordinal));
        }

        var registry = await ModelRegistry.Registry.OpenAsync(Registry);
        var record = await registry.ReadRecordAsync("FraudDetection", (await registry.ResolveAsync("FraudDetection@1")).Digest);
        Assert.Equal("fraud-team", record.Tags["owner"]);
        Assert.Contains("AccountName=acct;AccountKey=***", record.Tags["conn"], StringComparison.Ordinal);
        Assert.Equal("registry.example.com/train/fraud:1.4", record.Recipe.Environment!.ContainerImage);
    }

    [Fact]
    public async Task A_dataset_question_about_a_signed_uri_does_not_print_the_signature()
    {
        await RegisterAsync("FraudDetection", "v1");

        var (json, document) = await Json("lineage", "--dataset", "https://acct.blob.core.windows.net/c/train.csv?sv=2024&sig=SECRET");
        var human = await Cli("lineage", "--dataset", "https://acct.blob.core.windows.net/c/train.csv?sv=2024&sig=SECRET");

        Assert.Equal(0, json.ExitCode);
        Assert.Equal("https://acct.blob.core.windows.net/c/train.csv?sv=2024", document.GetProperty("dataset").GetString());
        Assert.DoesNotContain("SECRET", json.Stdout + json.Stderr + human.Stdout + human.Stderr, StringComparison.Ordinal);
    }
}
