using ModelRegistry.Retention;

namespace ModelRegistry;

/// <summary>The document of <c>retention set</c>, <c>clear</c>, <c>apply</c> and <c>show</c>: the policy revision in
/// force (absent when no policy was ever set: every version keeps its files) and, for a model, the rules that apply to
/// it. <c>retention show --history</c> prints every <see cref="RetentionRevision"/> instead, oldest first.</summary>
public sealed record RetentionDocument(RetentionRevision? Revision, string? Model, string? Applies);
