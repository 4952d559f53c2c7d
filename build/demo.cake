// The main job, as a user meets the product: pack the packages into a local feed, create a training repository
// from the template, let `dotnet build` train, evaluate and register a real ML.NET model with its lineage, change the
// data and build again, promote through Staging (Cake) to Production (CLI, local approval), roll back, then create
// an inference service from the template whose build resolves Production and score a sample with it.
// Everything happens under $TMPDIR/model-registry-demo, on the embedded folder registry. Run with ./build.sh --target=Demo.
using System.Text.Json;

DirectoryPath demoRoot = null;
var demoEnvironment = new Dictionary<string, string>();

// Runs `dotnet <arguments>` in a folder of the demo, echoes what it prints, and fails the demo when it fails.
string DemoDotNet(DirectoryPath folder, params string[] arguments)
{
    var builder = new ProcessArgumentBuilder();
    foreach (var argument in arguments) builder.AppendQuoted(argument);
    Information("{0}> dotnet {1}", demoRoot.GetRelativePath(folder), string.Join(" ", arguments));
    var exit = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = builder,
        WorkingDirectory = folder,
        EnvironmentVariables = demoEnvironment,
        RedirectStandardOutput = true,
    }, out var redirected);
    var lines = redirected.ToList();
    var output = string.Join(Environment.NewLine, lines);
    if (!arguments.Contains("--json"))
    {
        foreach (var line in lines.Where(l => !string.IsNullOrWhiteSpace(l))) Information("  {0}", line);
    }

    if (exit != 0)
    {
        throw new CakeException($"dotnet {string.Join(" ", arguments)} failed with exit code {exit}.");
    }

    return output;
}

void DemoGit(DirectoryPath folder, params string[] arguments)
{
    var builder = new ProcessArgumentBuilder().Append("-c user.name=demo -c user.email=demo@example.com");
    foreach (var argument in arguments) builder.AppendQuoted(argument);
    if (StartProcess("git", new ProcessSettings { Arguments = builder, WorkingDirectory = folder, RedirectStandardOutput = true }) != 0)
    {
        throw new CakeException($"git {string.Join(" ", arguments)} failed.");
    }
}

void DemoStep(string title) => Information("{0}== {1}", Environment.NewLine, title);

Task("Demo")
    .Description("The product end to end: template, dotnet build registration with lineage, promotion, rollback, a consuming service.")
    .Does(() =>
{
    // Outside the repository: a training repository of its own must not inherit this repository's Directory.*.props.
    demoRoot = new DirectoryPath(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "model-registry-demo"));
    EnsureDirectoryExists(demoRoot);
    CleanDirectory(demoRoot);
    var feed = demoRoot.Combine("feed");
    var training = demoRoot.Combine("training");
    var service = demoRoot.Combine("service");
    var registry = demoRoot.Combine("registry");
    // A version of its own per run: the machine's package cache never serves an older build under the same number.
    var version = $"0.1.0-demo.{DateTime.UtcNow:yyyyMMddHHmmss}";
    demoEnvironment["DOTNET_CLI_HOME"] = demoRoot.Combine(".dotnet-home").FullPath;
    demoEnvironment["ModelRegistryCache"] = demoRoot.Combine("cache").FullPath;
    demoEnvironment["MSBUILDDISABLENODEREUSE"] = "1";
    demoEnvironment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
    demoEnvironment["DOTNET_NOLOGO"] = "1";
    foreach (var old in GetDirectories($"{EnvironmentVariable("NUGET_PACKAGES") ?? $"{EnvironmentVariable("HOME")}/.nuget/packages"}/modelregistry*/0.1.0-demo.*"))
    {
        DeleteDirectory(old, new DeleteDirectorySettings { Recursive = true, Force = true });
    }

    DemoStep($"Pack the product ({version}) into a local feed");
    PackProduct(feed, version);

    System.IO.File.WriteAllText(demoRoot.CombineWithFilePath("NuGet.config").FullPath, $@"<?xml version=""1.0"" encoding=""utf-8""?>
<configuration>
  <packageSources>
    <clear />
    <add key=""demo-feed"" value=""{feed.FullPath}"" />
    <add key=""nuget.org"" value=""https://api.nuget.org/v3/index.json"" protocolVersion=""3"" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key=""demo-feed""><package pattern=""ModelRegistry"" /><package pattern=""ModelRegistry.*"" /></packageSource>
    <packageSource key=""nuget.org""><package pattern=""*"" /></packageSource>
  </packageSourceMapping>
</configuration>
");
    CopyFile(root.CombineWithFilePath("global.json"), demoRoot.CombineWithFilePath("global.json"));
    DemoDotNet(demoRoot, "new", "install", feed.CombineWithFilePath($"ModelRegistry.Templates.{version}.nupkg").FullPath);

    DemoStep("Create a training repository from the template (git initialised)");
    DemoDotNet(demoRoot, "new", "modelregistry-training", "-n", "Contoso.Fraud", "-o", "training", "--registry", "../registry", "--min-auc", "0.80");
    DemoGit(training, "init", "-q", "-b", "main");
    DemoGit(training, "add", "-A");
    DemoGit(training, "commit", "-q", "-m", "Training repository from modelregistry-training");

    DemoStep("dotnet build: trains on 2,000 synthetic transactions, evaluates the thresholds, registers version 1");
    DemoDotNet(training, "build", "-nr:false", "-v:minimal");
    DemoGit(training, "add", "-A");
    DemoGit(training, "commit", "-q", "-m", "Training data: 2,000 transactions");

    DemoStep("New data (4,000 transactions, seed 2), committed; dotnet build registers version 2");
    DemoDotNet(training, "run", "--project", "src/Trainer", "--no-build", "--", "generate", "--rows", "4000", "--seed", "2");
    DemoGit(training, "add", "-A");
    DemoGit(training, "commit", "-q", "-m", "Training data: 4,000 transactions");
    DemoDotNet(training, "build", "-nr:false", "-v:minimal");

    DemoStep("Promote: version 2 to Staging with the Cake addin; versions 1, then 2, to Production with the CLI and a local approval");
    DemoDotNet(training, "tool", "restore");
    DemoDotNet(training, "cake", "--target=Promote", "--model-version=2", "--stage=Staging");
    DemoDotNet(training, "model-registry", "promote", "FraudDetection@1", "--to", "Production", "--approved-by", "demo-reviewer", "--reason", "first model in service", "--registry", "../registry");
    DemoDotNet(training, "model-registry", "promote", "FraudDetection@2", "--to", "Production", "--approved-by", "demo-reviewer", "--reason", "trained on more data", "--registry", "../registry");

    DemoStep("Roll back Production to version 1");
    DemoDotNet(training, "model-registry", "rollback", "FraudDetection", "--approved-by", "demo-reviewer", "--reason", "demo rollback", "--registry", "../registry");

    DemoStep("Create an inference service from the template; its build resolves FraudDetection@Production");
    DemoDotNet(demoRoot, "new", "modelregistry-service", "-n", "Contoso.Scoring", "-o", "service", "--registry", "../registry");
    DemoDotNet(service, "build", "-nr:false", "-v:minimal");
    DemoDotNet(service, "run", "--no-build", "--", "--score-sample");

    DemoStep("Summary");
    DemoDotNet(training, "model-registry", "list", "FraudDetection", "--registry", "../registry");
    DemoDotNet(training, "model-registry", "history", "FraudDetection", "--registry", "../registry");
    var lineage = JsonDocument.Parse(DemoDotNet(training, "model-registry", "lineage", "FraudDetection@Production", "--registry", "../registry", "--json")).RootElement;
    var production = JsonDocument.Parse(DemoDotNet(training, "model-registry", "resolve", "FraudDetection@Production", "--registry", "../registry", "--json")).RootElement;
    Information("Registry:   {0}", registry.FullPath);
    Information("Production: FraudDetection version {0} ({1})", production.GetProperty("version"), production.GetProperty("digest").GetString());
    var recipe = lineage.TryGetProperty("recipe", out var nested) ? nested : lineage;
    if (recipe.TryGetProperty("data", out var data))
    {
        foreach (var input in data.EnumerateArray())
        {
            Information("Which dataset trained the model in Production? {0} ({1})", input.GetProperty("source").GetString(), input.TryGetProperty("digest", out var digest) ? digest.GetString() : "no digest");
        }
    }

    if (recipe.TryGetProperty("code", out var code) && code.TryGetProperty("commit", out var commit))
    {
        Information("Trained by code at commit {0} of the training repository.", commit.GetString());
    }

    Information("Everything the demo made is in {0}.", demoRoot.FullPath);
});
