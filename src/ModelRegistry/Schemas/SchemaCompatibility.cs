namespace ModelRegistry.Schemas;

/// <summary>
/// How a candidate's schema differs from a baseline's, and which differences break a consumer written for the
/// baseline (docs/schemas.md). Columns are matched by name: a renamed column is one removed and one added.
/// </summary>
public static class SchemaCompatibility
{
    /// <summary>Every difference; with one schema missing, one <see cref="SchemaChange.SchemaMissing"/>, and none when both are.</summary>
    public static IReadOnlyList<SchemaDifference> Compare(ModelSchema? baseline, ModelSchema? candidate)
    {
        if (baseline is null || candidate is null)
        {
            return baseline is null && candidate is null
                ? []
                : [new SchemaDifference(SchemaChange.SchemaMissing, "(schema)", baseline is null ? null : "present", candidate is null ? null : "present")];
        }

        return
        [
            .. Columns(baseline.Inputs, candidate.Inputs, SchemaChange.InputRemoved, SchemaChange.InputAdded, SchemaChange.InputTypeChanged, SchemaChange.InputShapeChanged),
            .. Columns(baseline.Outputs, candidate.Outputs, SchemaChange.OutputRemoved, SchemaChange.OutputAdded, SchemaChange.OutputTypeChanged, SchemaChange.OutputShapeChanged),
        ];
    }

    /// <summary>A difference as one line: "input mask: type bool -> int64".</summary>
    public static string Describe(SchemaDifference difference)
    {
        ArgumentNullException.ThrowIfNull(difference);
        var what = difference.Kind switch
        {
            SchemaChange.InputRemoved or SchemaChange.OutputRemoved => "removed",
            SchemaChange.InputAdded or SchemaChange.OutputAdded => "added",
            SchemaChange.InputTypeChanged or SchemaChange.OutputTypeChanged => $"type {difference.Baseline} -> {difference.Candidate}",
            SchemaChange.InputShapeChanged or SchemaChange.OutputShapeChanged => $"shape {difference.Baseline} -> {difference.Candidate}",
            _ => difference.Baseline is null ? "the baseline has no schema" : "the candidate has no schema",
        };
        var side = difference.Kind switch
        {
            SchemaChange.SchemaMissing => "",
            SchemaChange.InputRemoved or SchemaChange.InputAdded or SchemaChange.InputTypeChanged or SchemaChange.InputShapeChanged => $"input {difference.Column}: ",
            _ => $"output {difference.Column}: ",
        };
        return side + what;
    }

    private static IEnumerable<SchemaDifference> Columns(IReadOnlyList<SchemaColumn> baseline, IReadOnlyList<SchemaColumn> candidate, SchemaChange removed, SchemaChange added, SchemaChange typeChanged, SchemaChange shapeChanged)
    {
        foreach (var before in baseline)
        {
            var after = candidate.FirstOrDefault(c => c.Name == before.Name);
            if (after is null)
            {
                yield return new SchemaDifference(removed, before.Name, $"{before.Type} {before.ShapeText}", null);
                continue;
            }

            if (after.Type != before.Type)
            {
                yield return new SchemaDifference(typeChanged, before.Name, before.Type, after.Type);
            }

            if (after.ShapeText != before.ShapeText)
            {
                yield return new SchemaDifference(shapeChanged, before.Name, before.ShapeText, after.ShapeText);
            }
        }

        foreach (var after in candidate.Where(c => baseline.All(b => b.Name != c.Name)))
        {
            yield return new SchemaDifference(added, after.Name, null, $"{after.Type} {after.ShapeText}");
        }
    }
}
