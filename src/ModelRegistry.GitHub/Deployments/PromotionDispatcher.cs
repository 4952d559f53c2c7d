using System.Globalization;
using System.Text.Json.Nodes;
using ModelRegistry.GitHub.Api;
using ModelRegistry.Manifest;
using ModelRegistry.Policies;

namespace ModelRegistry.GitHub.Deployments;

/// <summary>
/// Asks for a gated promotion: dispatches the promotion workflow with the exact model and version (never a stage or
/// alias, which could move before a reviewer looks), then records the pending request in the model's history with
/// the run it started. The dispatch goes first so a token without 'actions: write' leaves no dangling request.
/// </summary>
public sealed class PromotionDispatcher(GitHubApi api)
{
    public async Task<PromotionDispatch> RequestAsync(Registry registry, PromotionDispatchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(request);
        var stage = GateKinds.Stage(registry, request.Stage);
        var version = await registry.ResolveAsync(request.Reference, cancellationToken: cancellationToken);
        GateKinds.EnsureAccepted(registry.Settings.PolicyFor(stage), version.Model, stage, StagePolicy.GitHubDeployment);
        if (string.IsNullOrWhiteSpace(request.Workflow) || request.Workflow.Contains('/', StringComparison.Ordinal) || request.Workflow.Contains("..", StringComparison.Ordinal))
        {
            throw GitHubErrors.GitHubInvalidOption("--workflow", request.Workflow, "give the workflow's file name, such as model-registry-promote.yml");
        }

        var exact = GateKinds.Exact(version);

        // The holder the requester saw travels with the request, so the promotion the reviewer approves is refused
        // (MRB1310) if the stage moved before it runs: an approval applies to the displacement the approver saw.
        var holder = (await registry.LoadModelAsync(version.Model, cancellationToken: cancellationToken)).State.Stages.TryGetValue(stage, out var held) ? held : (int?)null;
        var body = new JsonObject
        {
            ["ref"] = request.GitRef,
            ["inputs"] = new JsonObject
            {
                ["model"] = version.Model,
                ["version"] = version.Version.ToString(CultureInfo.InvariantCulture),
                ["expect_current"] = holder?.ToString(CultureInfo.InvariantCulture) ?? "none",
            },
            ["return_run_details"] = true,
        };
        var allowBreakingSchema = string.IsNullOrWhiteSpace(request.AllowBreakingSchema) ? null : request.AllowBreakingSchema;
        if (allowBreakingSchema is not null)
        {
            body["inputs"]!["allow_breaking_schema"] = allowBreakingSchema;
        }

        var answer = await api.PostJsonAsync(
            new GitHubOperation($"dispatching workflow '{request.Workflow}' on {request.GitRef} to promote {exact}", "actions: write", OperationKind.Create),
            api.Path($"actions/workflows/{Uri.EscapeDataString(request.Workflow)}/dispatches"),
            body,
            cancellationToken: cancellationToken);

        var runId = answer["workflow_run_id"]?.GetValue<long>();
        var runUrl = answer["html_url"]?.GetValue<string>() ?? (runId is { } id ? api.Settings.RunUrl(id) : null);
        var workflowUrl = new Uri(api.Settings.ServerUrl, $"{api.Repository}/actions/workflows/{Uri.EscapeDataString(request.Workflow)}").ToString();
        var details = new JsonObject
        {
            ["repository"] = api.Repository.ToString(),
            ["workflow"] = request.Workflow,
            ["ref"] = request.GitRef,
            ["workflowUrl"] = workflowUrl,
        };
        if (allowBreakingSchema is not null)
        {
            details["allowBreakingSchema"] = allowBreakingSchema;
        }

        if (runId is not null)
        {
            details["runId"] = runId;
            details["runUrl"] = runUrl;
        }

        var requested = await registry.RecordPromotionEventAsync(exact, stage, Operation.PromotionRequested, new PromotionEvidence
        {
            Kind = StagePolicy.GitHubDeployment,
            Requester = request.Actor,
            Details = details,
        }, request.Reason ?? $"waiting for approval in GitHub environment '{stage.ToLowerInvariant()}'", request.Actor, cancellationToken);
        return new PromotionDispatch(version, stage, requested, runId, runUrl, workflowUrl);
    }
}
