using System.Text.Json;
using ModelRegistry.Manifest;
using ModelRegistry.Naming;

namespace ModelRegistry.Retention;

/// <summary>
/// A retention policy kept in a repository, for review in pull requests: <c>retention apply &lt;file&gt;</c> makes it the
/// registry's policy, <c>gc --policy &lt;file&gt;</c> plans with it before it is applied.
/// <code>{ "default": { "keepLast": 10, "keepLabelled": true, "keepProductionFor": "365d" },
///   "models": { "FraudDetection": { "keepLast": 30 } } }</code>
/// </summary>
public sealed record RetentionFile
{
    public RetentionFileRules? Default { get; init; }

    public Dictionary<string, RetentionFileRules> Models { get; init; } = [];

    /// <summary>Reads and checks a policy file; anything it cannot mean is MRB1231 naming the file.</summary>
    public static RetentionFile Read(string path)
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ContractErrors.InvalidRetentionPolicy($"the policy file '{path}' cannot be read ({e.GetType().Name})");
        }

        RetentionFile? file;
        try
        {
            file = JsonSerializer.Deserialize<RetentionFile>(content, RegistryJson.Options);
        }
        catch (JsonException e)
        {
            throw ContractErrors.InvalidRetentionPolicy($"the policy file '{path}' is not a retention policy: {e.Message.TrimEnd('.')}");
        }

        if (file is null)
        {
            throw ContractErrors.InvalidRetentionPolicy($"the policy file '{path}' is empty");
        }

        foreach (var policy in file.Models.Values.Append(file.Default).OfType<RetentionFileRules>())
        {
            policy.ToPolicy().Validate();
        }

        foreach (var model in file.Models.Keys)
        {
            ModelName.Validate(model);
        }

        return file;
    }

    /// <summary>The policy as the registry stores it (a revision without its revision fields).</summary>
    public RetentionRevision ToRevision() => new()
    {
        Revision = 0,
        WriteId = "",
        Time = default,
        Actor = "",
        Default = Default?.ToPolicy() is { KeepsEverything: false } policy ? policy : null,
        Models = Models.ToDictionary(m => ModelName.Key(m.Key), m => new ModelRetention(m.Key, m.Value.ToPolicy()), StringComparer.Ordinal),
    };
}

/// <summary>The rules of a policy file: as the options of <c>retention set</c>, durations written <c>365d</c>.</summary>
public sealed record RetentionFileRules
{
    public int? KeepLast { get; init; }

    public bool? KeepLabelled { get; init; }

    public string? KeepProductionFor { get; init; }

    public int? KeepDays { get; init; }

    public RetentionPolicy ToPolicy() => new()
    {
        KeepLast = KeepLast,
        KeepLabelled = KeepLabelled,
        KeepProductionFor = KeepProductionFor is { } window ? Durations.Parse(window) : null,
        KeepDays = KeepDays,
    };
}
