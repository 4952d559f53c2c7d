using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ModelRegistry.Build.Tests.Infrastructure;

/// <summary>Task items with metadata, as MSBuild would pass them.</summary>
internal static class Items
{
    public static ITaskItem Item(string spec, params (string Name, string Value)[] metadata)
    {
        var item = new TaskItem(spec);
        foreach (var (name, value) in metadata)
        {
            item.SetMetadata(name, value);
        }

        return item;
    }
}
