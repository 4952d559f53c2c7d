namespace ModelRegistry.Lineage.Tests.Support;

/// <summary>An environment for capture that holds only what a test gives it, so the machine's own GITHUB_* or CI
/// variables never leak into a test.</summary>
public static class Variables
{
    public static Func<string, string?> Of(params (string Name, string Value)[] values)
    {
        var map = values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return name => map.GetValueOrDefault(name);
    }

    public static Func<string, string?> None { get; } = Of();
}
