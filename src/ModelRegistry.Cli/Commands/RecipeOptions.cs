using System.CommandLine;
using ModelRegistry.Recipes;

namespace ModelRegistry.Cli.Commands;

/// <summary>The lineage options of <c>register</c> and how they become the version's recipe.</summary>
internal sealed class RecipeOptions
{
    private readonly Option<string?> command = new("--command") { Description = "The training command line, recorded in the recipe." };

    public IEnumerable<Option> All => [command];

    public Task<Recipe> CaptureAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(new Recipe { Command = parse.GetValue(command) });
    }
}
