using System.Globalization;

namespace ModelRegistry.Naming;

/// <summary>What a reference names after the '@'.</summary>
public enum ReferenceKind
{
    /// <summary>No selector, or <c>@latest</c>: the highest version number.</summary>
    Latest,
    Number,
    Digest,
    Label,
    /// <summary>A stage or an alias: which one is decided against the registry's stages.</summary>
    Name,
}

/// <summary>A parsed model reference: <c>FraudDetection@7</c>, <c>@Production</c>, <c>@champion</c>,
/// <c>@1.2.0</c>, <c>@sha256:…</c>, or the bare name for the latest version.</summary>
public sealed record ModelReference(string Model, ReferenceKind Kind, string Selector)
{
    public int Number => int.Parse(Selector, CultureInfo.InvariantCulture);

    public static ModelReference Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var model = at < 0 ? text : text[..at];
        if (!ModelName.IsValid(model))
        {
            throw ContractErrors.InvalidModelName(model);
        }

        if (at < 0)
        {
            return new(model, ReferenceKind.Latest, "latest");
        }

        var selector = text[(at + 1)..];
        if (selector.Length == 0)
        {
            throw ContractErrors.InvalidReference(text, "nothing after '@'");
        }

        if (selector.Equals("latest", StringComparison.OrdinalIgnoreCase))
        {
            return new(model, ReferenceKind.Latest, "latest");
        }

        if (selector.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase))
        {
            var hex = selector[7..];
            if (hex.Length != 64 || !hex.All(Uri.IsHexDigit))
            {
                throw ContractErrors.InvalidReference(text, "a digest is sha256: followed by 64 hex digits");
            }

            return new(model, ReferenceKind.Digest, "sha256:" + hex.ToLowerInvariant());
        }

        if (selector.All(char.IsAsciiDigit))
        {
            if (!int.TryParse(selector, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                throw ContractErrors.InvalidReference(text, "a version number is a positive integer");
            }

            return new(model, ReferenceKind.Number, number.ToString(CultureInfo.InvariantCulture));
        }

        if (SemanticVersionLabel.IsValid(selector))
        {
            return new(model, ReferenceKind.Label, selector);
        }

        if (selector.Length > 64 || !selector.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            throw ContractErrors.InvalidReference(text, "unexpected characters after '@'");
        }

        return new(model, ReferenceKind.Name, selector);
    }

    public override string ToString() => Kind == ReferenceKind.Latest ? Model : $"{Model}@{Selector}";
}
