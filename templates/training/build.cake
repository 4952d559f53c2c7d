// The training pipeline, for people and CI alike:
//   dotnet tool restore
//   dotnet cake --target=Register                      train, evaluate, register (the default)
//   dotnet cake --target=Promote --model-version=1 --stage=Staging
//   dotnet cake --target=Promote --model-version=1 --stage=Production --approved-by=<you> --reason="..."
//   dotnet cake --target=RequestPromotion --model-version=1     Production through GitHub environment approval
// `dotnet build` registers too (ModelRegistry.Build); this script does the same steps one by one, with the addin.
#addin nuget:?package=ModelRegistry.Cake&version=MODEL_REGISTRY_PACKAGE_VERSION

var target = Argument("target", "Register");
var configuration = Argument("configuration", "Release");
var registry = Argument("registry", EnvironmentVariable("MODEL_REGISTRY") ?? "MODEL_REGISTRY_LOCATION");
var model = Argument("model", "FraudDetection");
var trainer = File("./src/Trainer/Trainer.csproj");
var modelFile = File("./out/model/model.zip");
var metricsFile = File("./out/metrics.json");
var dataFolder = Directory("./data");
var configFile = File("./config/training.json");
var thresholds = new[] { "auc>=0.90", "latency_p95_ms<=MODEL_MAX_LATENCY_MS" };
VersionInfo registered = null;

Task("Train")
    .Description("Builds the trainer and trains: data/ and config/ in, out/model/model.zip and out/metrics.json out.")
    .Does(() =>
{
    // The build trains through its Train target; registration is this script's job here, not the build's.
    DotNetBuild(trainer, new DotNetBuildSettings
    {
        Configuration = configuration,
        MSBuildSettings = new DotNetMSBuildSettings().WithProperty("ModelRegistrySkip", "true"),
    });
});

Task("Evaluate")
    .Description("Checks out/metrics.json against the thresholds (and against Production, when there is one).")
    .IsDependentOn("Train")
    .Does(() =>
{
    var verdict = ModelRegistryEvaluate(metricsFile, new ModelRegistryEvaluateSettings { Registry = registry, Model = model, Thresholds = thresholds });
    foreach (var rule in verdict.Rules)
    {
        Information("{0,-28} actual {1,-10:0.####} margin {2:0.####}", rule.Rule, rule.Actual, rule.Margin);
    }
});

Task("Register")
    .Description("Registers the model with its metrics and lineage; the thresholds gate it again.")
    .IsDependentOn("Evaluate")
    .Does(() =>
{
    var registration = ModelRegistryRegister(model, modelFile, new ModelRegistryRegisterSettings
    {
        Registry = registry,
        Metrics = metricsFile,
        Description = "SDCA logistic regression on card transactions",
        Command = "dotnet cake --target=Register",
        Data = { dataFolder.Path.FullPath },
        Config = { configFile },
        Thresholds = thresholds,
    });
    registered = registration.Version;
    Information("{0} {1} ({2})", registration.IsNew ? "Registered" : "Unchanged:", registered.Reference, registered.Digest);
});

Task("Promote")
    .Description("Moves a version to a stage: --model-version=<n> (default: the one this run registered) --stage=<Staging|Production> [--approved-by=<name>] [--reason=<text>].")
    .Does(() =>
{
    var version = Argument("model-version", registered?.Version.ToString() ?? "");
    if (version == "") throw new CakeException("Say which version to promote: --model-version=<n>.");
    var promotion = ModelRegistryPromote($"{model}@{version}", Argument("stage", "Staging"), new ModelRegistryPromoteSettings
    {
        Registry = registry,
        ApprovedBy = Argument<string>("approved-by", null),
        Reason = Argument<string>("reason", null),
    });
    Information("{0} is in {1} (was {2}){3}", promotion.Reference, promotion.Stage, promotion.FromStage,
        promotion.Displaced is int displaced ? $"; version {displaced} moved to {promotion.DisplacedTo}" : "");
});

Task("RequestPromotion")
    .Description("Asks GitHub for a promotion to Production: dispatches .github/workflows/model-registry-promote.yml, which waits for the 'production' environment's reviewers. --model-version=<n>; needs GITHUB_TOKEN and GITHUB_REPOSITORY.")
    .Does(() =>
{
    var version = Argument<string>("model-version");
    var request = ModelRegistryRequestPromotion($"{model}@{version}", "Production", new ModelRegistryPromotionRequestSettings
    {
        Registry = registry,
        Reason = Argument<string>("reason", null),
    });
    Information("Requested {0} -> Production; waiting for approval: {1}", request.Reference, request.RunUrl ?? request.WorkflowUrl);
});

Task("Default").IsDependentOn("Register");

RunTarget(target);
