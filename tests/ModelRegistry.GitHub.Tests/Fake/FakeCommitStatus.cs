namespace ModelRegistry.GitHub.Tests.Fake;

/// <summary>A commit status; the newest per context is the one that counts.</summary>
public sealed record FakeCommitStatus(long Id, string Sha, string State, string Context, string Description, string TargetUrl, string Creator);
