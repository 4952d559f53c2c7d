namespace ModelRegistry;

/// <summary>One field that differs; a side is null when the field exists only on the other side.</summary>
/// <param name="Identity">True when the field takes part in the recipe identity.</param>
public sealed record FieldChange(string Field, string? Left, string? Right, bool Identity);
