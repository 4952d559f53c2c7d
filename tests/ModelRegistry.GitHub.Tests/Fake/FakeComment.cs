namespace ModelRegistry.GitHub.Tests.Fake;

/// <summary>An issue (pull request) comment.</summary>
public sealed class FakeComment
{
    public required long Id { get; init; }

    public required int Issue { get; init; }

    public required string User { get; init; }

    public required string Body { get; set; }

    public int Edits { get; set; }
}
