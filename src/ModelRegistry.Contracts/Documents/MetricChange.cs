namespace ModelRegistry;

/// <summary>One metric on either side; <see cref="Delta"/> is right minus left when both have it.</summary>
public sealed record MetricChange(string Metric, double? Left, double? Right, double? Delta);
