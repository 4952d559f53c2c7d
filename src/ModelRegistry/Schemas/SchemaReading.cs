namespace ModelRegistry.Schemas;

/// <summary>What an <see cref="IModelSchemaReader"/> made of a model: its schema, or a coded warning saying why it has
/// none (a registration then goes on without a read schema).</summary>
public sealed record SchemaReading
{
    private SchemaReading(ModelSchema? schema, string? warning) => (Schema, Warning) = (schema, warning);

    public ModelSchema? Schema { get; }

    public string? Warning { get; }

    public static SchemaReading Of(ModelSchema schema) => new(schema ?? throw new ArgumentNullException(nameof(schema)), null);

    public static SchemaReading NotRead(string warning) => new(null, warning ?? throw new ArgumentNullException(nameof(warning)));
}
