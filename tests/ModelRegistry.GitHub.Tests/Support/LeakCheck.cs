using Xunit;

namespace ModelRegistry.GitHub.Tests.Support;

/// <summary>No token of the test world may appear in any output, file or registry object.</summary>
public static class LeakCheck
{
    public static void AssertClean(params string[] texts)
    {
        foreach (var text in texts)
        {
            foreach (var token in Tokens.All)
            {
                Assert.DoesNotContain(token, text, StringComparison.Ordinal);
            }
        }
    }
}
