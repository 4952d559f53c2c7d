using System.Text;
using System.Text.RegularExpressions;
using EndToEnd.Tests.Infrastructure;
using Xunit;

namespace EndToEnd.Tests.Cake;

/// <summary>Every Cake example the documentation shows compiles against the packed addin: an alias or a setting renamed
/// without its examples fails here, not in a user's first script.</summary>
[Collection(CakeAddinCollectionDefinition.Name)]
public sealed partial class CakeDocumentationTests(CakeAddinFixture fixture)
{
    private static readonly string[] Documents = ["README.md", "docs", "src/ModelRegistry.Cake/README.md", "templates"];

    [GeneratedRegex(@"```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"\bModelRegistry[A-Z]\w*\(")]
    private static partial Regex AliasCall();

    /// <summary>The C# blocks of the Markdown files that call an alias, each with the file it came from.</summary>
    private static List<(string File, string Code)> CakeExamples() =>
    [
        .. Documents
            .Select(relative => RepositoryRoot.Combine(relative))
            .SelectMany(path => Directory.Exists(path) ? Directory.EnumerateFiles(path, "*.md", SearchOption.AllDirectories) : [path])
            .Order(StringComparer.Ordinal)
            .SelectMany(file => CodeBlock().Matches(File.ReadAllText(file).ReplaceLineEndings("\n"))
                .Select(m => (File: Path.GetRelativePath(RepositoryRoot.Path, file), Code: m.Groups["code"].Value)))
            .Where(example => AliasCall().IsMatch(example.Code) && !example.Code.Contains("services.", StringComparison.Ordinal)),
    ];

    [Fact]
    public async Task Every_cake_example_in_the_documentation_compiles_against_the_addin()
    {
        // arrange: each example becomes the body of a method no task calls, so the script compiles them all and runs none
        var examples = CakeExamples();
        var body = new StringBuilder();
        foreach (var (example, index) in examples.Select((e, i) => (e, i)))
        {
            var code = string.Join('\n', example.Code.Split('\n').Where(line => !line.TrimStart().StartsWith('#')));
            body.Append(System.Globalization.CultureInfo.InvariantCulture, $"// {example.File}\nvoid Example{index}()\n{{\n{code}\n}}\n\n");
        }

        body.Append("Task(\"Default\").Does(() => Information(\"the examples compiled\"));\n");
        using var script = CakeScript.Create(fixture.Product, "cake-docs", body.ToString());

        // act
        var result = await script.RunAsync("Default");

        // assert
        Assert.True(examples.Count >= 5, $"only {examples.Count} Cake examples were found: {string.Join(", ", examples.Select(e => e.File))}");
        Assert.True(result.ExitCode == 0, $"{result.Output}\n--- build.cake, each example after the file it came from ---\n{File.ReadAllText(script.Folder.Combine("build.cake"))}");
        Assert.Contains("the examples compiled", result.StandardOutput, StringComparison.Ordinal);
    }
}
