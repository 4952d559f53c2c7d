namespace ModelRegistry.Manifest;

/// <summary>
/// Stage, alias and policy names ignore case everywhere. JSON deserialization builds plain dictionaries, so the
/// properties that hold such names copy what they are given into one that ignores case (the last of two spellings wins).
/// </summary>
internal static class IgnoreCase
{
    public static Dictionary<string, TValue> Copy<TValue>(IEnumerable<KeyValuePair<string, TValue>> source)
    {
        var copy = new Dictionary<string, TValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in source)
        {
            copy[key] = value;
        }

        return copy;
    }
}
