using System.Text.Json;
using System.Text.Json.Serialization;

namespace ModelRegistry.Naming;

/// <summary>Writes a duration as people type it (<c>365d</c>) and reads it back, so a policy reads the same in a
/// registry document, a --json answer and a policy file.</summary>
public sealed class DurationJsonConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("a duration is a string such as 365d");
        try
        {
            return Durations.Parse(text);
        }
        catch (RegistryException e)
        {
            // The form .NET writes by default (365.00:00:00) reads too.
            return TimeSpan.TryParseExact(text, "c", System.Globalization.CultureInfo.InvariantCulture, out var exact) && exact >= TimeSpan.Zero
                ? exact
                : throw new JsonException(e.Message);
        }
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Durations.Format(value));
    }
}
