
namespace ModelRegistry.Tests.Infrastructure;

/// <summary>Asserts that an operation is refused with a given code and leaves a folder exactly as it was.</summary>
public static class Refusal
{
    public static async Task<RegistryException> ExpectAsync(string code, string watchedFolder, Func<Task> act)
    {
        var before = FolderListing.Of(watchedFolder);
        var error = await Assert.ThrowsAsync<RegistryException>(act);
        Assert.Equal(code, error.Code);
        Assert.StartsWith($"error {code}: ", error.Canonical, StringComparison.Ordinal);
        Assert.Equal(before, FolderListing.Of(watchedFolder));
        return error;
    }

    public static RegistryException Expect(string code, Action act)
    {
        var error = Assert.Throws<RegistryException>(act);
        Assert.Equal(code, error.Code);
        return error;
    }
}
