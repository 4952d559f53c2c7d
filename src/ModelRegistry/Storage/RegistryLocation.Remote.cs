using ModelRegistry.Storage.Azure;

namespace ModelRegistry.Storage;

public static partial class RegistryLocation
{
    /// <summary>https, http (the local emulator) and azure:// locations open Azure Blob Storage; docs/azure.md lists the forms.</summary>
    private static partial IRegistryStorage? TryOpenRemote(string location) =>
        AzureConnector.IsAzureLocation(location) ? AzureConnector.Open(location) : null;
}
