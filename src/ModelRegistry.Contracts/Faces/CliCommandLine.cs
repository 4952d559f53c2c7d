using System.Collections;

namespace ModelRegistry.Faces;

/// <summary>The words of one model-registry command, built the same way by every face: an option with an empty value
/// is left out (so the tool's default applies), a flag appears only when set.</summary>
public sealed class CliCommandLine : IReadOnlyList<string>
{
    private readonly List<string> words = [];

    /// <param name="command">The command's words and positional arguments: <c>promote</c>, <c>FraudDetection@7</c>.</param>
    public CliCommandLine(params IEnumerable<string> command) => words.AddRange(command);

    public int Count => words.Count;

    public string this[int index] => words[index];

    /// <summary>Adds positional arguments.</summary>
    public CliCommandLine Add(params IEnumerable<string> values)
    {
        words.AddRange(values);
        return this;
    }

    /// <summary>Adds <c>name value</c>, unless the value is empty.</summary>
    public CliCommandLine Option(string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            words.AddRange([name, value.Trim()]);
        }

        return this;
    }

    /// <summary>Adds <c>name value</c> once per value.</summary>
    public CliCommandLine Options(string name, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var value in values)
        {
            Option(name, value);
        }

        return this;
    }

    /// <summary>Adds the flag when <paramref name="on"/>.</summary>
    public CliCommandLine Flag(string name, bool on)
    {
        if (on)
        {
            words.Add(name);
        }

        return this;
    }

    public IEnumerator<string> GetEnumerator() => words.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
