using ModelRegistry.Storage;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Protocol;

/// <summary>The folder backend syncs the directories it changes, so an acknowledged revision survives a power loss:
/// every new name (link), replacement (rename) and new folder is followed by an fsync of its directory.</summary>
public sealed class DurabilityTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task A_create_in_new_folders_syncs_each_new_folder_s_parent_and_the_new_name_s_folder()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // NTFS journals directory changes: nothing to sync there.
        }

        // arrange
        var storage = new FolderStorage(temp.Combine("registry"));
        await storage.CreateAsync("registry.json", "{}"u8.ToArray()); // the root and .tmp exist from here on
        var before = DirectorySync.Syncs;

        // act: two new folders (models/m, models/m/log) and one new name
        var outcome = await storage.CreateAsync("models/m/log/00000000000000000001.json", "{}"u8.ToArray());

        // assert
        Assert.Equal(CreateOutcome.Created, outcome);
        Assert.True(DirectorySync.Syncs - before >= 4, $"{DirectorySync.Syncs - before} directory syncs");
    }

    [Fact]
    public async Task A_cache_replacement_syncs_its_folder()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var storage = new FolderStorage(temp.Combine("registry"));
        await storage.CreateAsync("models/m/state.json", "{}"u8.ToArray());
        var info = (await storage.GetInfoAsync("models/m/state.json"))!;
        var before = DirectorySync.Syncs;

        Assert.True(await storage.ReplaceAsync("models/m/state.json", "{\"a\":1}"u8.ToArray(), info.ETag));

        Assert.True(DirectorySync.Syncs > before);
    }
}
