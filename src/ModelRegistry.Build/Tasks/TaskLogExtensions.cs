using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ModelRegistry.Build.Cli;
using ModelRegistry.Faces;

namespace ModelRegistry.Build.Tasks;

/// <summary>Coded diagnostics the MSBuild way: the code in its own field, so loggers print <c>error MRB1203: ...</c>.</summary>
internal static class TaskLogExtensions
{
    public static void LogCoded(this TaskLoggingHelper log, RegistryException error, string? file = null) =>
        log.LogError(null, error.Code, null, file, 0, 0, 0, 0, "{0}", error.Message);

    /// <summary>Relays a diagnostic of the tool; <paramref name="asWarning"/> turns an error into a warning.</summary>
    public static void Relay(this TaskLoggingHelper log, CliDiagnosticLine diagnostic, string? file, bool asWarning = false)
    {
        if (diagnostic.IsError && !asWarning)
        {
            log.LogError(null, diagnostic.Code, null, file, 0, 0, 0, 0, "{0}", diagnostic.Message);
        }
        else
        {
            log.LogWarning(null, diagnostic.Code, null, file, 0, 0, 0, 0, "{0}", diagnostic.Message);
        }
    }

    /// <summary>Relays the warnings of a successful run (lineage that could not be captured, for example).</summary>
    public static void RelayWarnings(this TaskLoggingHelper log, CliResult result, string? file)
    {
        foreach (var diagnostic in result.Diagnostics.Where(d => !d.IsError))
        {
            log.Relay(diagnostic, file);
        }
    }

    /// <summary>Reports a failed run: its coded errors, or MRB1611 when it said nothing coded.</summary>
    public static void LogFailure(this TaskLoggingHelper log, CliResult result, string command, string? file)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            log.Relay(diagnostic, file);
        }

        if (!result.Diagnostics.Any(d => d.IsError))
        {
            foreach (var line in result.OtherErrorLines)
            {
                log.LogMessage(MessageImportance.High, line);
            }

            log.LogCoded(BuildErrors.CliFailed(command, result.ExitCode), file);
        }
    }
}
