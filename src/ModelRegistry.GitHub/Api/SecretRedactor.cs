namespace ModelRegistry.GitHub.Api;

/// <summary>
/// Removes a secret from text before it can reach a message, log or file. GitHub error bodies may echo what was sent
/// to them, so every text that came from the API passes through here, not only text we wrote ourselves.
/// </summary>
public static class SecretRedactor
{
    public const string Mask = "***";

    public static string Redact(string? text, string? secret)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        return string.IsNullOrEmpty(secret) ? text : text.Replace(secret, Mask, StringComparison.Ordinal);
    }
}
