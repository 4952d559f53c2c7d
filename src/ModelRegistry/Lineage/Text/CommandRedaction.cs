using System.Text;
using System.Text.RegularExpressions;

namespace ModelRegistry.Lineage.Text;

/// <summary>
/// Removes credentials from a training command line before it is recorded: everything <see cref="SecretRedaction"/>
/// removes from any captured value (URL credentials, connection-string secrets, bearer tokens, known token shapes),
/// and the value of an option or variable whose name says it holds a secret
/// (<c>--token=…</c>, <c>--password …</c>, <c>HF_TOKEN=… python train.py</c>, <c>Bearer …</c>) becomes <c>***</c>.
/// Which names are secret is <see cref="SecretNames"/>' rule: <c>--hf-token</c> and <c>--dbpassword</c> are,
/// <c>--tokenizer</c> and <c>--max-tokens</c> are not.
/// </summary>
public static partial class CommandRedaction
{
    public const string Mask = SecretRedaction.Mask;

    public static string Redact(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var text = SecretRedaction.Scrub(command);
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
    public static bool IsSecretName(string name) => SecretNames.IsSecret(name);

    /// <summary>A shell word: unquoted characters and quoted runs, so <c>--password "two words"</c> masks both words.</summary>
    [GeneratedRegex("""(?:[^\s"']+|"[^"]*"?|'[^']*'?)+""")]
    private static partial Regex Token();

}
