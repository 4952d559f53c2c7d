using System.Text.RegularExpressions;

namespace ModelRegistry.Lineage.Text;

/// <summary>
/// Whether a name (a command-line option <c>--api-key</c>, a variable <c>HF_TOKEN</c>, a configuration key
/// <c>"ApiKey"</c>, <c>storage.connectionString</c>) says its value is a credential. The name is split into words at
/// '-', '_', '.', ':' and at a lower-to-upper case change (<c>primaryKey</c> is <c>PRIMARY KEY</c>); it is secret when
/// one word is a credential word (<c>KEY</c>, <c>PAT</c>, <c>SAS</c>, <c>PWD</c>, <c>AUTH</c>, <c>SIG</c>,
/// <c>COOKIE</c>) or ends with one (<c>TOKEN</c>, <c>SECRET</c>, <c>PASSWORD</c>, <c>APIKEY</c>,
/// <c>CONNECTIONSTRING</c>, …), unless its last word says the value only describes a secret (<c>key_path</c>,
/// <c>token_type</c>, <c>KeyVaultName</c>, <c>api_key_id</c>). So <c>--tokenizer</c>, <c>max_tokens</c>,
/// <c>keys</c> and <c>monkey</c> are not secret.
/// </summary>
public static partial class SecretNames
{
    private static readonly string[] SecretEndings = ["TOKEN", "SECRET", "PASSWORD", "PASSWD", "PASSPHRASE", "CREDENTIAL", "CREDENTIALS", "APIKEY", "SIGNATURE", "ACCOUNTKEY", "ACCESSKEY", "SASKEY", "PRIVATEKEY", "CONNECTIONSTRING", "CONNECTIONSTRINGS", "SECRETS", "PASSWORDS"];

    private static readonly HashSet<string> SecretWords = new(StringComparer.Ordinal) { "KEY", "PAT", "SAS", "PWD", "AUTH", "SIG", "COOKIE" };

    /// <summary>Last words that make the value a description of a secret, not the secret itself.</summary>
    private static readonly HashSet<string> DescriptorWords = new(StringComparer.Ordinal)
    {
        "PATH", "FILE", "DIR", "NAME", "ID", "TYPE", "SIZE", "BITS", "LENGTH", "COUNT", "COLUMN", "FIELD", "FORMAT",
        "VAULT", "URI", "URL", "ENV", "VAR", "VARIABLE", "HEADER", "ALGORITHM", "EXPIRY", "EXPIRES", "TTL",
    };

    public static bool IsSecret(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var bare = name.TrimStart('-');
        if (bare.Length == 0 || !bare.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
        {
            return false;
        }

        var words = CaseChange().Replace(bare, "$1_$2").ToUpperInvariant().Split(['-', '_', '.', ':'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || (words.Length > 1 && DescriptorWords.Contains(words[^1])))
        {
            return false;
        }

        var joined = string.Concat(words);
        return words.Any(SecretWords.Contains)
            || words.Any(w => SecretEndings.Any(e => w.EndsWith(e, StringComparison.Ordinal)))
            || SecretEndings.Any(e => joined.EndsWith(e, StringComparison.Ordinal));
    }

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex CaseChange();
}
