using System.Runtime.CompilerServices;
using Microsoft.Build.Locator;

namespace ModelRegistry.Build.Tests.Infrastructure;

/// <summary>Points the test process at the SDK's MSBuild before any Microsoft.Build type loads.</summary>
internal static class MSBuildRegistration
{
    [ModuleInitializer]
    internal static void Register()
    {
        if (!MSBuildLocator.IsRegistered)
        {
            MSBuildLocator.RegisterDefaults();
        }
    }
}
