using System.Text;
using System.Text.RegularExpressions;

namespace ModelRegistry.Lineage.Text;

/// <summary>
/// Removes credentials from a training command line before it is recorded: URLs lose their credentials (see
/// <see cref="UrlRedaction"/>), and the value of an option or variable whose name says it holds a secret
/// (<c>--token=…</c>, <c>--password …</c>, <c>HF_TOKEN=… python train.py</c>, <c>Bearer …</c>) becomes <c>***</c>.
/// A name is secret when one of its parts (split at '-', '_' and '.') is a credential word or ends with one
/// (<c>--hf-token</c>, <c>--dbpassword</c>); <c>--tokenizer</c> and <c>--max-tokens</c> are not.
/// </summary>
public static partial class CommandRedaction
{
    public const string Mask = "***";

    private static readonly string[] SecretEndings = ["TOKEN", "SECRET", "PASSWORD", "PASSWD", "PASSPHRASE", "CREDENTIAL", "CREDENTIALS", "APIKEY", "SIGNATURE", "ACCOUNTKEY", "ACCESSKEY", "SASKEY", "CONNECTIONSTRING"];

    private static readonly HashSet<string> SecretParts = new(StringComparer.Ordinal) { "KEY", "PAT", "SAS", "PWD", "AUTH", "SIG", "COOKIE" };

    public static string Redact(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var text = Bearer().Replace(UrlRedaction.RedactWithin(command), "${scheme} " + Mask);
        var result = new StringBuilder(text.Length);
        var position = 0;
        var maskNext = false;
        foreach (Match token in Token().Matches(text))
        {
            result.Append(text, position, token.Index - position);
            position = token.Index + token.Length;
            var value = token.Value;
            if (maskNext && !value.StartsWith('-'))
            {
                result.Append(Mask);
                maskNext = false;
                continue;
            }

            maskNext = false;
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && IsSecretName(value[..equals]))
            {
                result.Append(value, 0, equals + 1).Append(Mask);
                continue;
            }

            maskNext = equals < 0 && value.StartsWith('-') && IsSecretName(value);
            result.Append(value);
        }

        return result.Append(text, position, text.Length - position).ToString();
    }

    /// <summary>An option (<c>--api-key</c>) or variable (<c>API_KEY</c>) name that says its value is a credential.</summary>
    public static bool IsSecretName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var bare = name.TrimStart('-');
        if (bare.Length == 0 || !bare.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            return false;
        }

        var parts = bare.ToUpperInvariant().Split('-', '_', '.');
        return parts.Any(SecretParts.Contains)
            || parts.Any(p => SecretEndings.Any(e => p.EndsWith(e, StringComparison.Ordinal)))
            || string.Concat(parts).EndsWith("APIKEY", StringComparison.Ordinal)
            || string.Concat(parts).EndsWith("ACCESSKEY", StringComparison.Ordinal)
            || string.Concat(parts).EndsWith("CONNECTIONSTRING", StringComparison.Ordinal);
    }

    /// <summary>A shell word: unquoted characters and quoted runs, so <c>--password "two words"</c> masks both words.</summary>
    [GeneratedRegex("""(?:[^\s"']+|"[^"]*"?|'[^']*'?)+""")]
    private static partial Regex Token();

    [GeneratedRegex(@"(?<scheme>\bBearer)\s+[^\s""']+", RegexOptions.IgnoreCase)]
    private static partial Regex Bearer();
}
