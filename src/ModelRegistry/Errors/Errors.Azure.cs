namespace ModelRegistry;

/// <summary>Azure Blob Storage errors, MRB14xx. Every text that reaches these factories has already been scrubbed
/// of SAS signatures, account keys and connection strings (<see cref="Storage.Azure.SecretScrubber"/>).</summary>
public static partial class Errors
{
    public static RegistryException InvalidAzureLocation(string location, string why) => new("MRB1401",
        $"'{Printable(location)}' is not an Azure Blob Storage registry location ({why}): write https://<account>.blob.core.windows.net/<container>[/<prefix>], add ?<SAS> for a SAS, or azure://<container>[/<prefix>] with {Storage.Azure.AzureConnector.ConnectionStringVariable} set.", ErrorKind.Usage);

    public static RegistryException AzureConnectionStringMissing(string location) => new("MRB1402",
        $"{location} needs a connection string: set {Storage.Azure.AzureConnector.ConnectionStringVariable}, or give the container's https URL to sign in with Azure credentials.", ErrorKind.Usage);

    public static RegistryException AzureConnectionStringInvalid(string why) => new("MRB1403",
        $"{Storage.Azure.AzureConnector.ConnectionStringVariable} is not a usable Azure Storage connection string ({why}): copy it again from the storage account's 'Access keys' page (its value is never printed).", ErrorKind.Usage);

    public static RegistryException AzureConnectionStringAccountMismatch(string connectionAccount, string locationAccount) => new("MRB1404",
        $"{Storage.Azure.AzureConnector.ConnectionStringVariable} is for storage account '{connectionAccount}', but the registry location names account '{locationAccount}': unset the variable, or point --registry at azure://<container>.", ErrorKind.Usage);

    public static RegistryException AzureInsecureLocation(string location) => new("MRB1405",
        $"{location} uses plain http to a host that is not this machine: credentials would cross the network unencrypted. Use https (plain http is accepted only for the local Azurite emulator).", ErrorKind.Usage);

    public static RegistryException AzureAccessDenied(string location, string what, string detail) => new("MRB1406",
        $"Azure Blob Storage at {location} refused {what} ({detail}): the credential lacks a permission this command needs; docs/azure.md lists the SAS permissions and roles for each command.");

    public static RegistryException AzureContainerMissing(string location, string detail) => new("MRB1407",
        $"The container of {location} does not exist and this credential cannot create it ({detail}): create the container once, or use a credential that may create containers.");

    public static RegistryException AzureRequestRejected(string location, string what, string detail) => new("MRB1408",
        $"Azure Blob Storage at {location} rejected {what} ({detail}).");

    public static RegistryException AzureCredentialUnavailable(string location, string detail) => new("MRB1409",
        $"No Azure credential could sign in for {location} ({detail}): run 'az login', set AZURE_CLIENT_ID/AZURE_TENANT_ID with workload identity in CI, or give a SAS URL or {Storage.Azure.AzureConnector.ConnectionStringVariable}.");

    public static RegistryException CopySourceDamaged(string location, string file, string digest) => new("MRB1410",
        $"File '{file}' ({digest}) in the source registry at {location} does not match its digest, so it was not copied and nothing was committed: run 'model-registry verify' on the source registry.");
}
