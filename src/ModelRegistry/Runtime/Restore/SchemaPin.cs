using ModelRegistry.Schemas;

namespace ModelRegistry.Runtime;

/// <summary>
/// A consumer's schema pin (docs/schemas.md): the declared-schema file a service was written against. A version passes
/// when SchemaCompatibility finds nothing breaking from the pin (the baseline) to the version's schema (the candidate):
/// an added output is fine, any other difference is not, and a version without a schema never passes.
/// </summary>
internal static class SchemaPin
{
    /// <summary>The entry, recording the pin's fingerprint; throws MRB2110 or MRB2111 when the version does not pass,
    /// MRB2102 when the pin file is not a valid schema.</summary>
    public static LockedModel Check(LockedModel entry, ReferenceRequest request, string pinFile)
    {
        var pin = DeclaredSchema.Load(pinFile);
        if (entry.Schema is null)
        {
            throw Errors.SchemaPinMissing(request.Reference, entry.Version, pinFile);
        }

        var breaking = SchemaCompatibility.Compare(pin, entry.Schema).Where(d => d.Breaking).Select(SchemaCompatibility.Describe).ToList();
        return breaking.Count == 0
            ? entry with { SchemaPin = SchemaPinFingerprint.Of(pinFile) }
            : throw Errors.SchemaPinBroken(request.Reference, entry.Version, pinFile, breaking);
    }
}
