namespace ModelRegistry.Cli.Output;

/// <summary>How commands print signatures for people: kind, key id, what it signs, and whether it counts.</summary>
internal static class SignatureText
{
    public static void WriteSigned(TextWriter writer, SignatureEntry? signature)
    {
        if (signature is not null)
        {
            writer.WriteLine($"Signed ({signature.Kind}) with key {signature.KeyId}: {signature.Path}");
        }
    }

    public static void Write(TextWriter writer, SignatureDocument document)
    {
        writer.WriteLine($"{document.Model} version {document.Version} ({document.Digest}), {document.Stage}{(document.StageRevision is { } moved ? $" since revision {moved}" : "")}:");
        if (document.Signatures.Count == 0)
        {
            writer.WriteLine("  no signatures are stored");
        }

        foreach (var signature in document.Signatures)
        {
            var what = signature.Kind == Signing.TrustPolicy.Registration ? "registration" : $"move into {signature.Stage ?? "?"} (revision {signature.Revision})";
            var verdict = signature.Valid && signature.Trusted is not false ? (signature.Trusted is true ? "valid, trusted" : "valid") : $"{(signature.Valid ? "valid, not trusted" : "INVALID")}: {signature.Problem}";
            writer.WriteLine($"  {what}: key {signature.KeyId}, signed {signature.SignedAt?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "(no time)"}, {verdict}");
        }

        if (document.Trust is { } trust)
        {
            writer.WriteLine(trust.Accepted ? $"Accepted by the trust policy (requires {string.Join(", ", trust.Requires)})." : "Refused by the trust policy:");
            foreach (var problem in trust.Problems)
            {
                writer.WriteLine($"  {problem}");
            }
        }
    }
}
