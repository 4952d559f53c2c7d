namespace ModelRegistry.GitHub.PullRequests;

/// <summary>The gate's comment after a run: its id and link, and whether this run created it.</summary>
public sealed record PostedComment(long Id, string HtmlUrl, bool Created);
