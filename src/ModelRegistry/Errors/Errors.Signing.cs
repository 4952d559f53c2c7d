namespace ModelRegistry;

/// <summary>Signing and trust policies: MRB20xx. Messages name a key by its id or its file, never by its content.</summary>
public static partial class Errors
{
    public static RegistryException SigningKeyUnreadable(string source, string why) => new("MRB2001",
        $"The key in {source} cannot be used: {why}. Give an unencrypted ECDSA P-256 key in PEM form (openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt).", ErrorKind.Usage);

    public static RegistryException TrustFileInvalid(string source, string why) => new("MRB2002",
        $"Trust policy '{Printable(source)}' is not valid: {why}. See docs/signing.md for its format.", ErrorKind.Usage);

    public static RegistryException SignatureExists(string path, string why) => new("MRB2003",
        $"A different signature is already stored at '{path}' ({why}): signatures are never replaced. Run 'model-registry verify' to see whether it is damaged; sign with another key to add a signature.");

    public static RegistryException NoStageMove(string model, int version, string stage) => new("MRB2004",
        $"{model} version {version} is in {stage} and no revision moved it there: there is no stage move to sign. Promote it first, or sign its registration (without --stage-move).");

    public static RegistryException NotTrusted(string reference, string stage, IReadOnlyList<string> problems) => new("MRB2005",
        $"'{reference}' is refused by the trust policy for {stage}: {string.Join("; ", problems)}. Sign what is missing with a trusted key ('model-registry sign'), or trust the key that signed it.", ErrorKind.GateNotMet);

    public static RegistryException StageNotCovered(string stage, string source) => new("MRB2006",
        $"Trust policy '{Printable(source)}' says nothing about stage {stage}, so no version in it is accepted: add \"{stage}\" (or \"*\") to its \"stages\".", ErrorKind.GateNotMet);

    public static RegistryException SignaturesInvalid(string reference, int count) => new("MRB2008",
        $"{count} signature(s) stored for {reference} do not verify or do not sign what is stored; each is listed above. Run 'model-registry verify', and sign again with a trusted key.");

    public static string SignaturesNotCopiedWarning(string source, int count, string why) => Warning("MRB2020",
        $"{count} registration signature(s) of {source} were not copied: {why}. Sign the copy in the destination ('model-registry sign <ref> --registry <destination>') if its consumers need a signed registration.");

    public static RegistryException SigningKeyRequired(string variable) => new("MRB2007",
        $"No signing key: pass --sign-key <private key PEM file> or set ${variable} to the key's PEM text.", ErrorKind.Usage);
}
