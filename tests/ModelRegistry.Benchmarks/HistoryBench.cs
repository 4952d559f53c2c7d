using System.Globalization;
using ModelRegistry.Storage;

namespace ModelRegistry.Benchmarks;

/// <summary>
/// Costs must not grow with history: resolving @Production and registering one more version in a model with many
/// versions, against the same in a model with 10 versions (bound 1.5x).
/// </summary>
internal static class HistoryBench
{
    public static async Task<IReadOnlyList<BenchResult>> RunAsync(string work, int versions)
    {
        var small = await PopulateAsync(Path.Combine(work, "small"), 10);
        var large = await PopulateAsync(Path.Combine(work, "large"), versions);
        var resolveSmall = await ResolveMsAsync(small);
        var resolveLarge = await ResolveMsAsync(large);
        var registerSmall = await RegisterMsAsync(small, work);
        var registerLarge = await RegisterMsAsync(large, work);
        return
        [
            new($"resolve @Production, {versions:N0} versions", resolveLarge, "same at 10 versions", resolveSmall, 1.5),
            new($"register, {versions:N0} versions", registerLarge, "same at 10 versions", registerSmall, 1.5),
        ];
    }

    private static async Task<string> PopulateAsync(string folder, int count)
    {
        var registry = await Registry.OpenAsync(new FolderStorage(folder));
        var artifact = Path.Combine(folder + "-artifact", "model.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(artifact)!);
        Console.Error.WriteLine($"Populating {count:N0} versions in {folder}…");
        for (var i = 1; i <= count; i++)
        {
            await File.WriteAllTextAsync(artifact, i.ToString(CultureInfo.InvariantCulture));
            await registry.RegisterAsync(new RegistrationRequest { Model = "FraudDetection", Artifacts = [artifact] });
            if (i == count / 2)
            {
                await registry.PromoteAsync(new PromotionRequest { Reference = $"FraudDetection@{i}", Stage = "Production", Evidence = Policies.PromotionEvidence.LocalApproval("bench") });
            }
        }

        return folder;
    }

    /// <summary>A service's view: one registry instance resolving repeatedly (the record stays cached, the state revalidated).</summary>
    private static async Task<double> ResolveMsAsync(string folder)
    {
        var registry = await Registry.OpenAsync(new FolderStorage(folder));
        return await Measure.MedianMsAsync(200, () => registry.ResolveAsync("FraudDetection@Production"));
    }

    private static async Task<double> RegisterMsAsync(string folder, string work)
    {
        var registry = await Registry.OpenAsync(new FolderStorage(folder));
        var artifact = Path.Combine(work, "register-" + Path.GetFileName(folder), "model.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(artifact)!);
        var n = 0;
        return await Measure.MedianMsAsync(30, async () =>
        {
            await File.WriteAllTextAsync(artifact, $"new {n++} {Guid.NewGuid()}");
            await registry.RegisterAsync(new RegistrationRequest { Model = "FraudDetection", Artifacts = [artifact] });
        });
    }
}
