using System.Text.Json;

namespace ModelRegistry.Cli.Tests.Processes;

[Collection(ProcessTestGroup.Name)]
public sealed class ConcurrentRegistrationProcessTests : IDisposable
{
    private const int Processes = 32;

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Thirty_two_processes_registering_into_one_model_get_thirty_two_consecutive_versions()
    {
        var registry = temp.Combine("registry");
        var artifacts = Enumerable.Range(0, Processes)
            .Select(i => temp.WriteFile($"artifacts/{i}/model.bin", System.Text.Encoding.UTF8.GetBytes($"weights of run {i}")))
            .ToList();

        var runs = await Task.WhenAll(artifacts.Select(artifact =>
            CliProcess.RunAsync(temp.Path, "register", "FraudDetection", artifact, "--registry", registry, "--json")));

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}"));
        var acknowledged = runs.Select(run => JsonDocument.Parse(run.Stdout).RootElement).Select(json => (
            Version: json.GetProperty("version").GetInt32(),
            Digest: json.GetProperty("digest").GetString()!,
            File: json.GetProperty("files")[0].GetProperty("digest").GetString()!,
            IsNew: json.GetProperty("isNew").GetBoolean())).ToList();
        Assert.All(acknowledged, a => Assert.True(a.IsNew));
        Assert.Equal(Enumerable.Range(1, Processes), acknowledged.Select(a => a.Version).Order());
        Assert.Equal(Processes, acknowledged.Select(a => a.File).Distinct().Count());

        var list = await CliProcess.RunAsync(temp.Path, "list", "FraudDetection", "--registry", registry, "--json");
        Assert.Equal(0, list.ExitCode);
        var listed = JsonDocument.Parse(list.Stdout).RootElement.GetProperty("versions").EnumerateArray()
            .ToDictionary(v => v.GetProperty("version").GetInt32(), v => v.GetProperty("digest").GetString());
        Assert.Equal(Enumerable.Range(1, Processes), listed.Keys.Order());
        Assert.All(acknowledged, a => Assert.Equal(a.Digest, listed[a.Version]));

        var verify = await CliProcess.RunAsync(temp.Path, "verify", "--registry", registry, "--json");
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
    }
}
