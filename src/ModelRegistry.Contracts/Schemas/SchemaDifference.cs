namespace ModelRegistry.Schemas;

/// <summary>One difference between two schemas, from the baseline to the candidate.</summary>
/// <param name="Column">The input or output it concerns.</param>
/// <param name="Baseline">What the baseline has (a type or shape; null when the column is added).</param>
/// <param name="Candidate">What the candidate has (null when the column is removed).</param>
public sealed record SchemaDifference(SchemaChange Kind, string Column, string? Baseline, string? Candidate)
{
    /// <summary>A consumer written for the baseline breaks: any change to the inputs, an output removed or changed.
    /// Only an added output is compatible.</summary>
    public bool Breaking => Kind != SchemaChange.OutputAdded;
}
