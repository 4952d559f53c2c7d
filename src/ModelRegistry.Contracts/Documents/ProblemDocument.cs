namespace ModelRegistry;

/// <summary>A coded problem in a result document: the code (docs/errors.md) and the message.</summary>
public sealed record ProblemDocument(string Code, string Message);
