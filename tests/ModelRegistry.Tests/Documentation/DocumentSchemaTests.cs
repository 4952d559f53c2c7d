using ModelRegistry.Tests.Infrastructure;
using Xunit;

namespace ModelRegistry.Tests.Documentation;

/// <summary>docs/schemas holds the JSON Schema of every document the tool prints, exactly as the contract's records
/// make it: a record that changes without its published schema fails here. (The CLI tests validate real output
/// against the published files.)</summary>
public sealed class DocumentSchemaTests
{
    /// <summary>Set to 1 to write the schemas the records make into docs/schemas (then review and commit them).</summary>
    private const string WriteVariable = "MODEL_REGISTRY_WRITE_SCHEMAS";

    public static TheoryData<string> Names() => [.. ContractSchemas.Documents.Select(d => d.Name)];

    private static string PathOf(string name) => Path.Combine(RepositoryFolder.Root, "docs", "schemas", name + ".schema.json");

    [Theory]
    [MemberData(nameof(Names))]
    public void The_published_schema_is_the_one_the_records_make(string name)
    {
        // arrange
        var expected = ContractSchemas.Schema(ContractSchemas.Documents.Single(d => d.Name == name));
        if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(PathOf(name))!);
            File.WriteAllText(PathOf(name), expected);
        }

        // act
        var published = File.Exists(PathOf(name)) ? File.ReadAllText(PathOf(name)).ReplaceLineEndings("\n") : null;

        // assert
        Assert.True(published == expected, $"docs/schemas/{name}.schema.json is not the schema the records make: run the tests with {WriteVariable}=1, review the change and commit it.");
    }

    [Fact]
    public void Every_published_schema_belongs_to_a_document()
    {
        var published = Directory.EnumerateFiles(Path.Combine(RepositoryFolder.Root, "docs", "schemas"), "*.schema.json")
            .Select(f => Path.GetFileName(f)[..^".schema.json".Length]);

        Assert.Empty(published.Except(ContractSchemas.Documents.Select(d => d.Name), StringComparer.Ordinal));
    }
}
