namespace ModelRegistry.Cake;

/// <summary>Fluent setters shared by every settings class, for the <c>Func&lt;TSettings, TSettings&gt;</c> overloads.</summary>
public static class ModelRegistrySettingsExtensions
{
    /// <summary>Sets the registry location (CLI flag <c>--registry</c>): a folder or an Azure container URL.</summary>
    /// <typeparam name="TSettings">The settings type.</typeparam>
    /// <param name="settings">The settings.</param>
    /// <param name="registry">The registry location.</param>
    /// <returns>The same settings, for chaining.</returns>
    /// <example>
    /// <code>
    /// var production = ModelRegistryResolve("FraudDetection@Production", s => s.WithRegistry("../registry"));
    /// </code>
    /// </example>
    public static TSettings WithRegistry<TSettings>(this TSettings settings, string registry)
        where TSettings : ModelRegistrySettings
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Registry = registry;
        return settings;
    }

    /// <summary>Applies one change and returns the settings: the body of every fluent setter.</summary>
    internal static TSettings With<TSettings>(this TSettings settings, Action<TSettings> change)
        where TSettings : ModelRegistrySettings
    {
        change(settings);
        return settings;
    }

    internal static void AddRange<T>(this ICollection<T> collection, IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            collection.Add(item);
        }
    }
}
