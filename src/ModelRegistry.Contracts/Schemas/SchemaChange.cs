using System.Text.Json.Serialization;

namespace ModelRegistry.Schemas;

/// <summary>The kinds of <see cref="SchemaDifference"/>. A renamed column is one removed and one added.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SchemaChange>))]
public enum SchemaChange
{
    [JsonStringEnumMemberName("inputRemoved")]
    InputRemoved,

    [JsonStringEnumMemberName("inputAdded")]
    InputAdded,

    [JsonStringEnumMemberName("inputTypeChanged")]
    InputTypeChanged,

    [JsonStringEnumMemberName("inputShapeChanged")]
    InputShapeChanged,

    [JsonStringEnumMemberName("outputRemoved")]
    OutputRemoved,

    [JsonStringEnumMemberName("outputAdded")]
    OutputAdded,

    [JsonStringEnumMemberName("outputTypeChanged")]
    OutputTypeChanged,

    [JsonStringEnumMemberName("outputShapeChanged")]
    OutputShapeChanged,

    /// <summary>One side has a schema and the other has none.</summary>
    [JsonStringEnumMemberName("schemaMissing")]
    SchemaMissing,
}
