using System.CommandLine;
using ModelRegistry.Manifest;

namespace ModelRegistry.Cli;

/// <summary>Small parsing helpers every command shares.</summary>
internal static class CommandContext
{
    public static Task<Registry> OpenRegistryAsync(this ParseResult parse, CancellationToken cancellationToken) =>
        Registry.OpenAsync(parse.GetValue(CommonOptions.Registry), cancellationToken);

    public static AsOf? AsOf(this ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) is { } text ? Manifest.AsOf.Parse(text) : null;
}
