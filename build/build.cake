// The repository's own pipeline: ./build.sh --target=<Build|Test|Pack|Demo|Bench>
var target = Argument("target", "Build");
var configuration = Argument("configuration", "Release");
var root = MakeAbsolute(Directory(".."));
var artifacts = root.Combine("artifacts");
var solution = root.CombineWithFilePath("ModelRegistry.Build.sln");

Task("Build")
    .Description("Builds every project.")
    .Does(() =>
{
    DotNetBuild(solution.FullPath, new DotNetBuildSettings { Configuration = configuration });
});

Task("Test")
    .Description("Runs every test project (unit, conformance, Azurite, GitHub fake, end-to-end).")
    .IsDependentOn("Build")
    .Does(() =>
{
    DotNetTest(solution.FullPath, new DotNetTestSettings
    {
        Configuration = configuration,
        NoBuild = true,
        Loggers = { "console;verbosity=normal" },
    });
});

Task("Pack")
    .Description("Packs the NuGet packages into artifacts/packages.")
    .IsDependentOn("Build")
    .Does(() =>
{
    DotNetPack(solution.FullPath, new DotNetPackSettings
    {
        Configuration = configuration,
        NoBuild = true,
        OutputDirectory = artifacts.Combine("packages"),
    });
});

Task("Bench")
    .Description("Runs the benchmarks; ratios against physical limits go to artifacts/bench/results.md.")
    .Does(() =>
{
    DotNetRun(root.CombineWithFilePath("tests/ModelRegistry.Benchmarks/ModelRegistry.Benchmarks.csproj").FullPath,
        new ProcessArgumentBuilder().Append("--out").AppendQuoted(artifacts.CombineWithFilePath("bench/results.md").FullPath),
        new DotNetRunSettings { Configuration = "Release" });
});

#load "demo.cake"

Task("Default").IsDependentOn("Build");

RunTarget(target);
