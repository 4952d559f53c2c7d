using System.Text.RegularExpressions;
using ModelRegistry.Tests.Infrastructure;
using Xunit;

namespace ModelRegistry.Tests.Documentation;

/// <summary>Every code has one factory and one row in docs/errors.md, so users can look up what they see.</summary>
public sealed partial class ErrorCatalogueTests
{
    [GeneratedRegex("(?:new|Warning)\\(\"(MRB\\d{4})\"")]
    private static partial Regex RaisedCode();

    [Fact]
    public void Every_code_is_raised_from_one_factory_and_documented()
    {
        // arrange
        var root = RepositoryFolder.Root;
        var sources = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories).Where(IsErrorsFile);
        var codes = sources.SelectMany(f => RaisedCode().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToList();
        var documentation = File.ReadAllText(Path.Combine(root, "docs", "errors.md"));

        // act
        var duplicated = codes.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var undocumented = codes.Where(c => !documentation.Contains($"| {c} |", StringComparison.Ordinal)).ToList();

        // assert
        Assert.NotEmpty(codes);
        Assert.Empty(duplicated);
        Assert.Empty(undocumented);
    }

    [Fact]
    public void No_face_prints_a_code_without_a_factory()
    {
        // arrange
        var root = RepositoryFolder.Root;
        var faces = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsErrorsFile(f));

        // act
        var literal = faces.Where(f => Regex.IsMatch(File.ReadAllText(f), "\"MRB\\d{4}\"")).ToList();

        // assert
        Assert.Empty(literal);
    }

    /// <summary>The factories live in errors files: the engine's Errors.*.cs, ContractErrors.cs, each face's own
    /// (BuildErrors.cs, Errors.Cake.cs).</summary>
    private static bool IsErrorsFile(string path) =>
        Path.GetFileName(path).StartsWith("Errors", StringComparison.Ordinal) || Path.GetFileNameWithoutExtension(path).EndsWith("Errors", StringComparison.Ordinal);
}
