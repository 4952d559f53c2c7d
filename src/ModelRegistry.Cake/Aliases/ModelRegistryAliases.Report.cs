using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.IO;

namespace ModelRegistry.Cake;

public static partial class ModelRegistryAliases
{
    /// <summary>
    /// Generates the registry's static HTML site into a folder (<c>model-registry report</c>): every model's stage
    /// holders, versions, metric charts, comparisons, lineage and history, for any static host or a browser opening
    /// the folder. Pages whose content did not change are not rewritten.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="output">The site's folder (relative to the script's working directory); created when missing.</param>
    /// <param name="settings">Optional; where the registry is, the point in history and which models.</param>
    /// <returns>What the run wrote, left unchanged and removed.</returns>
    /// <example>
    /// <code>
    /// Task("Site").Does(() =>
    /// {
    ///     var site = ModelRegistryReport("artifacts/site", s => s.WithRegistry("registry"));
    ///     Information("{0} of {1} files rewritten", site.Written.Count, site.Pages);
    /// });
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Report")]
    public static ReportDocument ModelRegistryReport(this ICakeContext context, DirectoryPath output, ModelRegistryReportSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        return Run<ReportDocument>(context, "report", ["--output", CliArguments.Absolute(output, context.Environment)], settings ?? new());
    }
}
