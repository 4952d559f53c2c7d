using System.CommandLine;
using ModelRegistry.Cli.Output;
using ModelRegistry.Metrics;
using ModelRegistry.ML.Schemas;
using ModelRegistry.Naming;
using ModelRegistry.Schemas;

namespace ModelRegistry.Cli.Commands;

/// <summary>
/// <c>register &lt;model&gt; &lt;file-or-folder&gt;... [--metrics f] [--threshold rule]... [--label semver] [--tag k=v]...
/// [--description text] [--schema file] [--data path-or-uri]... [--config file]... [--command line] [--env NAME]... [--container-image ref]
/// [--project-dir folder]</c>: evaluates the gates and registers a new version with its recipe, or returns the
/// existing version when the same recipe is already registered.
/// </summary>
internal static class RegisterCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "The model name, for example FraudDetection." };
        var artifacts = new Argument<string[]>("artifacts") { Description = "Model files or folders.", Arity = ArgumentArity.OneOrMore };
        var metrics = CommonOptions.Metrics();
        var thresholds = CommonOptions.Thresholds();
        var label = new Option<string?>("--label") { Description = "A semantic-version label, unique per model (1.2.0-bert-large)." };
        var tags = new Option<string[]>("--tag") { Description = "A key=value tag (repeatable).", DefaultValueFactory = _ => [] };
        var description = new Option<string?>("--description") { Description = "What this version is." };
        var signKey = CommonOptions.SignKey();
        var schema = new Option<string?>("--schema") { Description = "A JSON file declaring the model's inputs and outputs, for formats other than ONNX and ML.NET (docs/schemas.md)." };
        var recipe = new RecipeOptions();
        var command = new Command("register", "Register a model version (after its metrics pass the thresholds).") { model, artifacts, metrics, thresholds, label, tags, description, signKey, schema };
        foreach (var option in recipe.All)
        {
            command.Options.Add(option);
        }

        command.SetHandler(async (parse, output, cancellationToken) =>
        {
            var name = ModelName.Validate(parse.GetValue(model));
            var rules = parse.GetValue(thresholds)!.Select(ThresholdRule.Parse).ToList();
            var metricsPath = parse.GetValue(metrics);
            var tagPairs = parse.GetValue(tags)!.Select(Tag.Parse).ToList();
            var duplicateTag = tagPairs.GroupBy(t => t.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicateTag is not null)
            {
                throw Errors.InvalidTag($"{duplicateTag.Key} (given twice)");
            }

            var declared = parse.GetValue(schema) is { } schemaPath ? DeclaredSchema.Load(schemaPath) : null;
            var registry = await Registry.OpenAsync(parse.GetValue(CommonOptions.Registry), cancellationToken);
            var captured = await recipe.CaptureAsync(parse, [.. parse.GetValue(artifacts)!, .. metricsPath is null ? [] : new[] { metricsPath }], cancellationToken);
            foreach (var warning in captured.Warnings)
            {
                output.Warning(warning);
            }

            using var key = CommonOptions.SigningKeyOf(parse, signKey);
            var result = await registry.RegisterAsync(new RegistrationRequest
            {
                Model = name,
                Artifacts = parse.GetValue(artifacts)!,
                Recipe = captured,
                Metrics = metricsPath is null ? null : MetricsDocument.Load(metricsPath),
                Thresholds = rules,
                Label = parse.GetValue(label),
                Tags = tagPairs.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal),
                Description = parse.GetValue(description),
                Schema = declared,
                SchemaReaders = [new MLNetSchemaReader()],
                Progress = output.TransferProgress(),
                SignWith = key,
            }, cancellationToken);
            if (result.SchemaWarning is { } schemaWarning)
            {
                output.Warning(schemaWarning);
            }

            if (result.Version is null)
            {
                output.Result(new NotRegisteredDocument(name, result.Evaluation), writer =>
                {
                    writer.WriteLine($"{name}: not registered, the metrics did not pass:");
                    VersionText.WriteVerdict(writer, result.Evaluation);
                });
                output.Actions.SetOutputs([new("verdict", "fail")]);
                output.Actions.AppendSummary($"### {name}: not registered\n\n" + VerdictReport.Markdown(result.Evaluation));
                return VerdictReport.Report(output, result.Evaluation);
            }

            var version = result.Version;
            if (result.Warning is { } cacheWarning)
            {
                output.Warning(cacheWarning);
            }

            var document = new RegistrationDocument(version)
            {
                IsNew = result.Created,
                Restored = result.Restored,
                BytesUploaded = result.BytesUploaded,
                Evaluation = result.Evaluation,
                Warnings = result.SchemaWarning is { } notRead ? [.. captured.Warnings, notRead] : captured.Warnings,
                Signature = result.Signature,
            };
            output.Result(document, writer =>
            {
                writer.WriteLine(result.Created
                    ? $"Registered {version.Model} version {version.Version} ({version.Digest})."
                    : result.Restored
                    ? $"Restored: {version.Model} version {version.Version} had this recipe and was purged; its files are stored again ({version.Digest})."
                    : $"Unchanged: {version.Model} version {version.Version} already has this recipe ({version.Digest}).");
                VersionText.WriteVerdict(writer, result.Evaluation);
                SignatureText.WriteSigned(writer, result.Signature);
            });
            output.Actions.SetOutputs([new("version", version.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("digest", version.Digest), new("verdict", "pass")]);
            output.Actions.AppendSummary($"### {version.Model} version {version.Version} {(result.Created ? "registered" : "unchanged")}\n\n`{version.Digest}`\n\n" + VerdictReport.Markdown(result.Evaluation));
            return ExitCode.Success;
        });
        return command;
    }
}
