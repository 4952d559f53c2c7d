using ModelRegistry.Schemas;

namespace ModelRegistry.Tests.Schemas;

/// <summary>Schemas compared by value: a record compares its column lists by reference.</summary>
internal sealed class SchemaEquality : IEqualityComparer<ModelSchema?>
{
    public static SchemaEquality Instance { get; } = new();

    public bool Equals(ModelSchema? x, ModelSchema? y) =>
        x is null ? y is null : y is not null && x.SameColumns(y) && x.Format == y.Format && x.Producer == y.Producer
            && x.ProducerVersion == y.ProducerVersion && x.OpsetVersion == y.OpsetVersion && x.IrVersion == y.IrVersion;

    public int GetHashCode(ModelSchema? obj) => obj?.Format.GetHashCode(StringComparison.Ordinal) ?? 0;
}
