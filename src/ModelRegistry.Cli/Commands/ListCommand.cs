using System.CommandLine;
using System.Globalization;
using ModelRegistry.Cli.Output;

namespace ModelRegistry.Cli.Commands;

/// <summary><c>list [model]</c>: the models of the registry, or the versions of one model.</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var model = new Argument<string?>("model") { Description = "List this model's versions instead of the models.", Arity = ArgumentArity.ZeroOrOne };
        var asOf = CommonOptions.AsOf();
        var command = new Command("list", "List models, or the versions of a model.") { model, asOf };
        command.SetHandler(async (parse, output, cancellationToken) =>
        {
            var registry = await parse.OpenRegistryAsync(cancellationToken);
            if (parse.GetValue(model) is not { } name)
            {
                var models = await registry.ListModelsAsync(cancellationToken);
                output.Result(new ModelListDocument(registry.Location, models), writer =>
                {
                    foreach (var m in models)
                    {
                        writer.WriteLine(m);
                    }
                });
                return ExitCode.Success;
            }

            var versions = await registry.ListVersionsAsync(name, parse.AsOf(asOf), cancellationToken);
            output.Result(new VersionListDocument(versions.Count > 0 ? versions[0].Model : name, versions), writer =>
                TextTable.Write(writer, ["version", "stage", "aliases", "label", "created", "digest"], versions.Select(v => new[]
                {
                    v.Version.ToString(CultureInfo.InvariantCulture),
                    v.PurgedBy is null ? v.Stage : $"{v.Stage} (purged)",
                    string.Join(",", v.Aliases),
                    v.Label ?? "",
                    v.Created.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    v.Digest[..19] + "…",
                })));
            return ExitCode.Success;
        });
        return command;
    }
}
