using System.Globalization;
using System.Text.Json.Nodes;
using ModelRegistry.GitHub.Api;
using Octokit;

namespace ModelRegistry.GitHub.Deployments;

/// <summary>
/// Creates the GitHub deployment that shows a promotion in the repository's environments, and sets its statuses.
/// The payload is flat strings only: Octokit 14 throws on a nested deployment payload. It carries a request id so a
/// create that failed with a 5xx can be found again instead of being made twice.
/// </summary>
internal sealed class DeploymentPublisher(GitHubApi api)
{
    public async Task<CreatedDeployment> CreateAsync(VersionInfo version, string stage, string environment, string sha, IReadOnlyList<string> requiredContexts, CancellationToken cancellationToken)
    {
        var requestId = Guid.NewGuid().ToString("N");
        var deployment = new NewDeployment(sha)
        {
            Environment = environment,
            Task = "deploy:model",
            Description = $"{version.Model} version {version.Version.ToString(CultureInfo.InvariantCulture)} to {stage}",
            AutoMerge = false,
            RequiredContexts = [.. requiredContexts],
            ProductionEnvironment = stage.Equals(Manifest.RegistrySettings.Production, StringComparison.OrdinalIgnoreCase),
            Payload = new Dictionary<string, string>
            {
                ["model"] = version.Model,
                ["version"] = version.Version.ToString(CultureInfo.InvariantCulture),
                ["digest"] = version.Digest,
                ["stage"] = stage,
                ["request"] = requestId,
            },
        };
        var reference = $"{version.Model}@{version.Version.ToString(CultureInfo.InvariantCulture)}";
        return await api.SendAsync(
            new GitHubOperation($"creating a deployment of {reference} to environment '{environment}' in {api.Repository}", "deployments: write", OperationKind.Create),
            async client =>
            {
                var created = await client.Repository.Deployment.Create(api.Repository.Owner, api.Repository.Name, deployment);
                return new CreatedDeployment(created.Id, created.Url);
            },
            () => FindAsync(sha, environment, requestId, cancellationToken),
            (status, detail) => status == 409 ? GitHubErrors.DeploymentChecksFailed(reference, detail) : null,
            cancellationToken);
    }

    public Task SetStatusAsync(long deploymentId, DeploymentState state, string environment, string description, string environmentUrl, string logUrl, CancellationToken cancellationToken) =>
        api.SendAsync(
            new GitHubOperation($"setting the status of deployment {deploymentId} in {api.Repository}", "deployments: write", OperationKind.IdempotentWrite),
            client => client.Repository.Deployment.Status.Create(api.Repository.Owner, api.Repository.Name, deploymentId, new NewDeploymentStatus(state)
            {
                Environment = environment,
                Description = Truncate(description, 140),
                EnvironmentUrl = environmentUrl,
                LogUrl = logUrl,
                AutoInactive = true,
            }),
            cancellationToken);

    /// <summary>Octokit 14 cannot filter deployments by commit and environment: a raw call does.</summary>
    private async Task<CreatedDeployment?> FindAsync(string sha, string environment, string requestId, CancellationToken cancellationToken)
    {
        var list = await api.GetJsonAsync(
            new GitHubOperation($"looking for a deployment of {sha} that may have been created", "deployments: read"),
            api.Path("deployments"),
            new Dictionary<string, string> { ["sha"] = sha, ["environment"] = environment, ["per_page"] = "100" },
            cancellationToken);
        var found = list.AsArray().OfType<JsonObject>().FirstOrDefault(d => d["payload"] is JsonObject payload && payload["request"]?.GetValue<string>() == requestId);
        return found?["id"] is { } id ? new CreatedDeployment(id.GetValue<long>(), found["url"]?.GetValue<string>() ?? "") : null;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
