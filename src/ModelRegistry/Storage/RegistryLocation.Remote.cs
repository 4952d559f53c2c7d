namespace ModelRegistry.Storage;

public static partial class RegistryLocation
{
    private static partial IRegistryStorage? TryOpenRemote(string location) => null;
}
