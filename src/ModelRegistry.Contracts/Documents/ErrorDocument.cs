namespace ModelRegistry;

/// <summary>The one document a command prints with <c>--json</c> when it fails before it has a result.</summary>
public sealed record ErrorDocument(ProblemDocument Error);
