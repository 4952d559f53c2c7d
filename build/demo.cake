// The main job: a real model trained, evaluated, registered with its lineage, promoted, rolled back, resolved and
// pulled, on the embedded folder registry. Loaded by build.cake; run with ./build.sh --target=Demo.
using System.Text.Json;

DirectoryPath demoRoot = null;

string DemoCli => root.CombineWithFilePath($"src/ModelRegistry.Cli/bin/{configuration}/net10.0/model-registry.dll").FullPath;

string DemoTrainer => root.CombineWithFilePath($"build/demo/FraudTrainer/bin/{configuration}/net10.0/FraudTrainer.dll").FullPath;

// Runs a program under dotnet, echoes what it prints, and returns its exit code and stdout.
(int ExitCode, string Output) DemoRun(string dll, params string[] arguments)
{
    var builder = new ProcessArgumentBuilder().AppendQuoted(dll);
    foreach (var argument in arguments) builder.AppendQuoted(argument);
    var exit = StartProcess("dotnet", new ProcessSettings { Arguments = builder, WorkingDirectory = demoRoot, RedirectStandardOutput = true }, out var lines);
    var output = string.Join(Environment.NewLine, lines);
    if (!arguments.Contains("--json")) Information("{0}", output);
    return (exit, output);
}

JsonElement DemoCliJson(params string[] arguments)
{
    var (exit, output) = DemoRun(DemoCli, arguments.Append("--json").ToArray());
    if (exit != 0) throw new CakeException($"model-registry {arguments[0]} failed with exit code {exit}: {output}");
    return JsonDocument.Parse(output).RootElement.Clone();
}

void DemoStep(string title) => Information($"{Environment.NewLine}== {title}");

Task("Demo")
    .Description("Trains, evaluates, registers, promotes, rolls back and resolves a real fraud-detection model.")
    .Does(() =>
{
    DotNetBuild(root.CombineWithFilePath("src/ModelRegistry.Cli/ModelRegistry.Cli.csproj").FullPath, new DotNetBuildSettings { Configuration = configuration });
    DotNetBuild(root.CombineWithFilePath("build/demo/FraudTrainer/FraudTrainer.csproj").FullPath, new DotNetBuildSettings { Configuration = configuration });
    demoRoot = artifacts.Combine("demo");
    EnsureDirectoryExists(demoRoot);
    CleanDirectory(demoRoot);
    var registry = demoRoot.Combine("registry").FullPath;
    Environment.SetEnvironmentVariable("MODEL_REGISTRY", registry);
    string[] gates = { "--threshold", "auc>=0.80", "--threshold", "latency_p95_ms<=50" };

    DemoStep("Train version 1 on 2,000 synthetic transactions (seed 1)");
    DemoRun(DemoTrainer, "generate", "--out", "data/transactions.csv", "--rows", "2000", "--seed", "1");
    DemoRun(DemoTrainer, "train", "--data", "data/transactions.csv", "--out", "out");
    DemoStep("Evaluate and register version 1");
    DemoRun(DemoCli, new[] { "evaluate", "--metrics", "out/metrics.json" }.Concat(gates).ToArray());
    var v1 = DemoCliJson(new[] { "register", "FraudDetection", "out/model.zip", "--metrics", "out/metrics.json", "--label", "1.0.0", "--description", "SDCA logistic regression, 2,000 rows", "--command", "fraud-trainer train --data data/transactions.csv", "--data", "data/transactions.csv" }.Concat(gates).ToArray());
    Information($"Registered version {v1.GetProperty("version")} {v1.GetProperty("digest")}");

    DemoStep("Promote version 1 through Staging to Production (local approval)");
    DemoRun(DemoCli, "promote", "FraudDetection@1", "--to", "Staging", "--reason", "integration tests");
    DemoRun(DemoCli, "promote", "FraudDetection@1", "--to", "Production", "--approved-by", "demo-reviewer", "--reason", "first model");

    DemoStep("New data: 4,000 transactions (seed 2); retrain; register version 2, at least as good as Production");
    DemoRun(DemoTrainer, "generate", "--out", "data/transactions.csv", "--rows", "4000", "--seed", "2");
    DemoRun(DemoTrainer, "train", "--data", "data/transactions.csv", "--out", "out");
    var v2 = DemoCliJson(new[] { "register", "FraudDetection", "out/model.zip", "--metrics", "out/metrics.json", "--label", "1.1.0", "--description", "retrained on 4,000 rows", "--command", "fraud-trainer train --data data/transactions.csv", "--threshold", "auc>=Production-0.05" }.Concat(gates).ToArray());
    Information($"Registered version {v2.GetProperty("version")} {v2.GetProperty("digest")}");
    DemoRun(DemoCli, "promote", "FraudDetection@2", "--to", "Staging", "--reason", "integration tests");
    DemoRun(DemoCli, "promote", "FraudDetection@2", "--to", "Production", "--approved-by", "demo-reviewer", "--reason", "better data");

    DemoStep("Roll back Production to version 1");
    DemoRun(DemoCli, "rollback", "FraudDetection", "--approved-by", "demo-reviewer", "--reason", "demo rollback");

    DemoStep("Resolve and pull FraudDetection@Production");
    var production = DemoCliJson("resolve", "FraudDetection@Production");
    DemoRun(DemoCli, "pull", "FraudDetection@Production", "--output", "serving");
    DemoRun(DemoCli, "list", "FraudDetection");
    DemoRun(DemoCli, "history", "FraudDetection");
    DemoRun(DemoCli, "verify");
    DemoStep("Which dataset trained the model in Production?");
    DemoRun(DemoCli, "lineage", "FraudDetection@Production");

    DemoStep("Summary");
    var shown = DemoCliJson("show", "FraudDetection@Production");
    Information($"Registry:   {registry}");
    Information($"Production: FraudDetection version {production.GetProperty("version")} ({production.GetProperty("digest")})");
    if (shown.TryGetProperty("recipe", out var recipe) && recipe.TryGetProperty("data", out var data) && data.GetArrayLength() > 0)
    {
        foreach (var input in data.EnumerateArray())
        {
            Information($"Trained on: {input.GetProperty("source")} {(input.TryGetProperty("digest", out var digest) ? digest.GetString() : "")}");
        }
    }
    else
    {
        Information("Trained on: (no data inputs were declared)");
    }
});
