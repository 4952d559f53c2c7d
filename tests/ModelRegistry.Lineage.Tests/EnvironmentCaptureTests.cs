using System.Runtime.InteropServices;
using ModelRegistry.Lineage.Tests.Support;

namespace ModelRegistry.Lineage.Tests;

public sealed class EnvironmentCaptureTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Machine_and_runtime_are_recorded()
    {
        var environment = (await RecipeCapture.CaptureAsync(new CaptureOptions { ProjectDirectory = temp.Path, GetVariable = Variables.None })).Environment!;

        Assert.Equal(RuntimeInformation.OSDescription, environment.Os);
        Assert.Equal(RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant(), environment.Architecture);
        Assert.StartsWith(".NET ", environment.Runtime, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_variables_asked_for_are_recorded()
    {
        var recipe = await RecipeCapture.CaptureAsync(new CaptureOptions
        {
            ProjectDirectory = temp.Path,
            EnvironmentVariables = ["SEED", "CUDA_VISIBLE_DEVICES", "MISSING_ONE"],
            GetVariable = Variables.Of(("SEED", "42"), ("CUDA_VISIBLE_DEVICES", "0,1"), ("HOME", "/root"), ("OTHER", "x")),
        });

        Assert.Equal(new Dictionary<string, string> { ["CUDA_VISIBLE_DEVICES"] = "0,1", ["SEED"] = "42" }, recipe.Environment!.Variables);
        Assert.Single(recipe.Besides551());
        Assert.Single(recipe.Coded("MRB1557"));
    }

    [Theory]
    [InlineData("GITHUB_TOKEN")]
    [InlineData("AZURE_STORAGE_KEY")]
    [InlineData("AZURE_STORAGE_CONNECTION_STRING")]
    [InlineData("AWS_SECRET_ACCESS_KEY")]
    [InlineData("DB_PASSWORD")]
    [InlineData("HF_API_KEY")]
    [InlineData("NUGET_PAT")]
    public async Task Secret_looking_variables_are_refused(string name)
    {
        var error = await Assert.ThrowsAsync<RegistryException>(() => RecipeCapture.CaptureAsync(new CaptureOptions
        {
            ProjectDirectory = temp.Path,
            EnvironmentVariables = [name],
            GetVariable = Variables.Of((name, "s3cr3t")),
        }));

        Assert.Equal("MRB1505", error.Code);
        Assert.Equal(ErrorKind.Usage, error.Kind);
        Assert.DoesNotContain("s3cr3t", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_with_a_value_is_refused()
    {
        var error = await Assert.ThrowsAsync<RegistryException>(() => RecipeCapture.CaptureAsync(new CaptureOptions { ProjectDirectory = temp.Path, EnvironmentVariables = ["SEED=42"], GetVariable = Variables.None }));

        Assert.Equal("MRB1506", error.Code);
    }

    [Fact]
    public async Task Container_image_is_recorded_and_an_unpinned_tag_warns()
    {
        const string pinned = "ghcr.io/contoso/train@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        var withDigest = await RecipeCapture.CaptureAsync(new CaptureOptions { ProjectDirectory = temp.Path, ContainerImage = pinned, GetVariable = Variables.None });
        var withTag = await RecipeCapture.CaptureAsync(new CaptureOptions { ProjectDirectory = temp.Path, ContainerImage = "python:3.12", GetVariable = Variables.None });

        Assert.Equal(pinned, withDigest.Environment!.ContainerImage);
        Assert.DoesNotContain(withDigest.Warnings, w => w.StartsWith("MRB1558:", StringComparison.Ordinal));
        Assert.Contains(withTag.Warnings, w => w.StartsWith("MRB1558:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Command_line_is_recorded_without_url_credentials()
    {
        var recipe = await RecipeCapture.CaptureAsync(new CaptureOptions
        {
            ProjectDirectory = temp.Path,
            Command = "python train.py --data https://acct.blob.core.windows.net/c/d.csv?sv=1&sig=SIGNATURE --epochs 3",
            GetVariable = Variables.None,
        });

        Assert.Equal("python train.py --data https://acct.blob.core.windows.net/c/d.csv?sv=1 --epochs 3", recipe.Command);
    }

    [Fact]
    public async Task GitHub_Actions_run_is_recorded_with_its_url()
    {
        var recipe = await RecipeCapture.CaptureAsync(new CaptureOptions
        {
            ProjectDirectory = temp.Path,
            GetVariable = Variables.Of(
                ("GITHUB_ACTIONS", "true"), ("GITHUB_RUN_ID", "9876543210"), ("GITHUB_RUN_ATTEMPT", "2"),
                ("GITHUB_WORKFLOW", "Train"), ("GITHUB_JOB", "train"), ("GITHUB_ACTOR", "octocat"),
                ("GITHUB_EVENT_NAME", "push"), ("GITHUB_REF", "refs/heads/main"), ("GITHUB_SHA", "abc123"),
                ("GITHUB_SERVER_URL", "https://github.com"), ("GITHUB_REPOSITORY", "contoso/fraud"),
                ("GITHUB_WORKFLOW_REF", "contoso/fraud/.github/workflows/train.yml@refs/heads/main")),
        });

        var ci = recipe.Ci!;
        Assert.Equal("github-actions", ci.Provider);
        Assert.Equal("9876543210", ci.RunId);
        Assert.Equal("2", ci.Attempt);
        Assert.Equal("Train", ci.Workflow);
        Assert.Equal("train", ci.Job);
        Assert.Equal("octocat", ci.Actor);
        Assert.Equal("push", ci.Event);
        Assert.Equal("refs/heads/main", ci.Ref);
        Assert.Equal("abc123", ci.Sha);
        Assert.Equal("https://github.com/contoso/fraud/actions/runs/9876543210", ci.RunUrl);
    }

    [Fact]
    public async Task Outside_GitHub_Actions_there_is_no_ci_run()
    {
        var recipe = await RecipeCapture.CaptureAsync(new CaptureOptions { ProjectDirectory = temp.Path, GetVariable = Variables.Of(("CI", "true")) });

        Assert.Null(recipe.Ci);
    }
}
