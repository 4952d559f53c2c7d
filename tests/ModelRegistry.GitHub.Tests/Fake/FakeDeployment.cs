using System.Text.Json.Nodes;

namespace ModelRegistry.GitHub.Tests.Fake;

/// <summary>A deployment and its statuses, newest last.</summary>
public sealed class FakeDeployment
{
    public required long Id { get; init; }

    public required string Sha { get; init; }

    public required string Ref { get; init; }

    public required string Environment { get; init; }

    public required string Creator { get; init; }

    public string Task { get; init; } = "deploy";

    public string Description { get; init; } = "";

    public bool Production { get; init; }

    public JsonObject Payload { get; init; } = [];

    public List<FakeDeploymentStatus> Statuses { get; } = [];
}

/// <summary>One status of a deployment.</summary>
public sealed record FakeDeploymentStatus(long Id, string State, string Description, string EnvironmentUrl, string LogUrl, string Creator);
