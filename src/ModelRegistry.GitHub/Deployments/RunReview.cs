namespace ModelRegistry.GitHub.Deployments;

/// <summary>One reviewer's decision on a workflow run's environment, as GET .../actions/runs/{id}/approvals lists it.</summary>
public sealed record RunReview(string User, string State, string Comment)
{
    public const string Approved = "approved";

    public const string Rejected = "rejected";
}
