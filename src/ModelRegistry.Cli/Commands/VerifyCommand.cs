using System.CommandLine;
using ModelRegistry.Cli.Output;

namespace ModelRegistry.Cli.Commands;

/// <summary><c>verify [--quick]</c>: checks every revision, record and file of the registry and lists every problem.</summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "Check file sizes only, without re-hashing file contents." };
        var command = new Command("verify", "Check the whole registry for missing, damaged or inconsistent objects.") { quick };
        command.SetHandler(async (parse, output, cancellationToken) =>
        {
            var registry = await parse.OpenRegistryAsync(cancellationToken);
            if (!registry.Exists)
            {
                // A mistyped location holds nothing: "0 models, clean" would pass a CI check that checked nothing.
                throw Errors.NoRegistry(registry.Location);
            }

            var report = await registry.VerifyAsync(!parse.GetValue(quick), cancellationToken);
            output.Result(report, writer =>
            {
                writer.WriteLine($"Checked {report.Models} model(s), {report.Revisions} revision(s), {report.Versions} version(s), {report.Files} file(s), {report.Signatures} signature(s).");
                foreach (var problem in report.Problems)
                {
                    writer.WriteLine($"  {problem.Path}: {problem.Problem}");
                }
            });
            if (report.Clean)
            {
                return ExitCode.Success;
            }

            var error = Errors.VerifyFailed(report.Problems.Count);
            output.Error(error.Code, error.Message);
            return ExitCode.Failure;
        });
        return command;
    }
}
