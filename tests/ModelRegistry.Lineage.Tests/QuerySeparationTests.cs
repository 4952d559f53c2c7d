using System.Reflection;
using ModelRegistry.Lineage.Provenance;
using ModelRegistry.Lineage.Queries;

namespace ModelRegistry.Lineage.Tests;

/// <summary>Reading lineage (lineage, diff, provenance) never loads libgit2: only capture needs a repository.</summary>
public sealed class QuerySeparationTests
{
    [Fact]
    public void The_queries_and_everything_they_reference_leave_LibGit2Sharp_out()
    {
        // arrange
        var roots = new[] { typeof(LineageQueries).Assembly, typeof(ProvenanceStatement).Assembly };

        // act
        var reached = Reachable(roots);

        // assert
        Assert.Contains("ModelRegistry", reached);
        Assert.Contains("ModelRegistry.Contracts", reached);
        Assert.DoesNotContain("LibGit2Sharp", reached);
        Assert.DoesNotContain("ModelRegistry.Lineage", reached);
    }

    /// <summary>The names of the assemblies the roots reference, followed through this product's own assemblies.</summary>
    private static HashSet<string> Reachable(IEnumerable<Assembly> roots)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<Assembly>(roots);
        while (pending.TryDequeue(out var assembly))
        {
            if (!names.Add(assembly.GetName().Name!))
            {
                continue;
            }

            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name!.StartsWith("ModelRegistry", StringComparison.Ordinal))
                {
                    pending.Enqueue(Assembly.Load(reference));
                }
                else
                {
                    names.Add(reference.Name);
                }
            }
        }

        return names;
    }
}
