namespace ModelRegistry;

/// <summary>One problem <c>verify</c> found: which object, and what is wrong with it.</summary>
public sealed record VerifyProblem(string Path, string Problem);

/// <summary>What <c>verify</c> checked and found.</summary>
public sealed record VerifyReport(int Models, long Revisions, int Versions, int Files, IReadOnlyList<VerifyProblem> Problems)
{
    /// <summary>How many stored signatures were checked.</summary>
    public int Signatures { get; init; }

    public bool Clean => Problems.Count == 0;
}
