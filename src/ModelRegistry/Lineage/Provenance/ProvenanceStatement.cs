using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelRegistry.Content;
using ModelRegistry.Manifest;
using ModelRegistry.Recipes;

namespace ModelRegistry.Lineage.Provenance;

/// <summary>
/// Builds an in-toto Statement v1 whose predicate is SLSA Provenance v1: the subjects are the version's artifact
/// files by sha256; the build definition names what the training was given (external parameters: model, command,
/// data, config, variables, image), what the platform chose (internal parameters: OS, runtime, lock files) and what
/// it resolved (the commit, each dataset, each config file); the run details name the builder (the GitHub workflow,
/// or a local registration) and the CI run. docs/lineage.md documents the build type.
/// </summary>
public static class ProvenanceStatement
{
    public const string StatementType = "https://in-toto.io/Statement/v1";

    public const string PredicateType = "https://slsa.dev/provenance/v1";

    /// <summary>Describes how to read this predicate's parameters (docs/lineage.md, "Provenance").</summary>
    public const string BuildType = "https://github.com/modelregistry-build/modelregistry-build/blob/main/docs/lineage.md#provenance-build-type-v1";

    /// <summary>The builder of a registration made outside CI: the developer's machine, trusted only as much as its user.</summary>
    public const string LocalBuilder = "https://github.com/modelregistry-build/modelregistry-build/blob/main/docs/lineage.md#local-builder";

    public static JsonObject Build(VersionInfo version, VersionRecord record)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(record);
        var recipe = record.Recipe;
        return new JsonObject
        {
            ["_type"] = StatementType,
            ["subject"] = new JsonArray([.. record.Files.Select(f => (JsonNode)new JsonObject
            {
                ["name"] = f.Path,
                ["digest"] = new JsonObject { ["sha256"] = Sha256Digest.Hex(f.Digest) },
            })]),
            ["predicateType"] = PredicateType,
            ["predicate"] = new JsonObject
            {
                ["buildDefinition"] = new JsonObject
                {
                    ["buildType"] = BuildType,
                    ["externalParameters"] = ExternalParameters(version, recipe),
                    ["internalParameters"] = InternalParameters(record, recipe),
                    ["resolvedDependencies"] = new JsonArray([.. ResolvedDependencies(recipe)]),
                },
                ["runDetails"] = RunDetails(version, record),
            },
        };
    }

    private static JsonObject ExternalParameters(VersionInfo version, Recipe recipe)
    {
        var parameters = new JsonObject { ["model"] = version.Model };
        Set(parameters, "command", recipe.Command);
        Set(parameters, "repository", recipe.Code?.RepositoryUrl);
        Set(parameters, "ref", Ref(recipe.Code));
        Set(parameters, "projectPath", recipe.Code?.ProjectPath);
        parameters["data"] = new JsonArray([.. recipe.Data.Select(d => (JsonNode?)d.Source)]);
        parameters["config"] = new JsonArray([.. recipe.Config.Select(c => (JsonNode?)c.Path)]);
        if (recipe.Environment?.Variables is { Count: > 0 } variables)
        {
            parameters["environmentVariables"] = new JsonObject(variables.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Value)));
        }

        Set(parameters, "containerImage", recipe.Environment?.ContainerImage);
        return parameters;
    }

    private static JsonObject InternalParameters(VersionRecord record, Recipe recipe)
    {
        var parameters = new JsonObject { ["recipeDigest"] = record.RecipeDigest, ["registeredBy"] = record.CreatedBy };
        if (recipe.Code is { } code)
        {
            parameters["dirty"] = code.Dirty;
            Set(parameters, "dirtyDigest", code.DirtyDigest);
            parameters["shallow"] = code.Shallow;
        }

        if (recipe.Environment is { } environment)
        {
            Set(parameters, "os", environment.Os);
            Set(parameters, "architecture", environment.Architecture);
            Set(parameters, "runtime", environment.Runtime);
            parameters["lockFiles"] = new JsonArray([.. environment.LockFiles.Select(l => (JsonNode)new JsonObject
            {
                ["path"] = l.Path,
                ["digest"] = new JsonObject { ["sha256"] = Sha256Digest.Hex(l.Digest) },
            })]);
        }

        if (recipe.Warnings.Count > 0)
        {
            parameters["warnings"] = new JsonArray([.. recipe.Warnings.Select(w => (JsonNode?)w)]);
        }

        return parameters;
    }

    private static IEnumerable<JsonNode> ResolvedDependencies(Recipe recipe)
    {
        if (recipe.Code is { Commit: { } commit } code)
        {
            var source = new JsonObject { ["name"] = "code" };
            if (code.RepositoryUrl is { } url && GitUri(url) is { } uri)
            {
                source["uri"] = $"git+{uri}@{Ref(code) ?? commit}";
            }

            source["digest"] = new JsonObject { ["gitCommit"] = commit };
            if (code.Dirty)
            {
                source["annotations"] = new JsonObject { ["dirty"] = true, ["dirtyDigest"] = code.DirtyDigest };
            }

            yield return source;
        }

        foreach (var data in recipe.Data)
        {
            var dependency = new JsonObject { ["name"] = data.Source };
            if (data.Kind is DataKinds.AzureBlob or DataKinds.Uri)
            {
                dependency["uri"] = data.Source;
            }

            var digest = new JsonObject();
            if (data.Digest is { } sha256)
            {
                digest["sha256"] = Sha256Digest.Hex(sha256);
            }

            if (data.ContentMd5 is { } md5)
            {
                digest["md5"] = md5["md5:".Length..];
            }

            if (digest.Count > 0)
            {
                dependency["digest"] = digest;
            }

            var annotations = new JsonObject { ["kind"] = data.Kind };
            Set(annotations, "eTag", data.ETag);
            Set(annotations, "versionId", data.VersionId);
            if (data.FileCount is { } count && data.Kind == DataKinds.Folder)
            {
                annotations["fileCount"] = count;
            }

            dependency["annotations"] = annotations;
            if (!dependency.ContainsKey("uri") && !dependency.ContainsKey("digest"))
            {
                // A ResourceDescriptor needs a uri or a digest; a local input that could not be hashed has neither.
                continue;
            }

            yield return dependency;
        }

        foreach (var config in recipe.Config)
        {
            yield return new JsonObject
            {
                ["name"] = config.Path,
                ["digest"] = new JsonObject { ["sha256"] = Sha256Digest.Hex(config.Digest) },
                ["annotations"] = new JsonObject { ["kind"] = "config" },
            };
        }

        if (recipe.Environment?.ContainerImage is { } image && image.IndexOf("@sha256:", StringComparison.Ordinal) is var at and >= 0)
        {
            yield return new JsonObject
            {
                ["name"] = image,
                ["digest"] = new JsonObject { ["sha256"] = image[(at + "@sha256:".Length)..] },
                ["annotations"] = new JsonObject { ["kind"] = "container-image" },
            };
        }
    }

    private static JsonObject RunDetails(VersionInfo version, VersionRecord record)
    {
        var ci = record.Recipe.Ci;
        var builder = new JsonObject { ["id"] = BuilderId(ci) };
        builder["version"] = new JsonObject { ["model-registry"] = ToolVersion() };
        var metadata = new JsonObject();
        Set(metadata, "invocationId", ci?.RunUrl);
        metadata["finishedOn"] = record.Created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["builder"] = builder,
            ["metadata"] = metadata,
            ["byproducts"] = new JsonArray(new JsonObject
            {
                ["name"] = $"{version.Model}@{version.Version.ToString(CultureInfo.InvariantCulture)}",
                ["digest"] = new JsonObject { ["sha256"] = Sha256Digest.Hex(version.Digest) },
                ["mediaType"] = "application/vnd.model-registry.version-record+json",
            }),
        };
    }

    /// <summary>The workflow that ran, as GitHub's own provenance names it, or the local builder.</summary>
    private static string BuilderId(CiRun? ci)
    {
        if (ci?.WorkflowRef is { } workflow)
        {
            var server = ci.RunUrl is { } run && Uri.TryCreate(run, UriKind.Absolute, out var runUri) ? runUri.GetLeftPart(UriPartial.Authority) : "https://github.com";
            return $"{server}/{workflow}";
        }

        return ci is null ? LocalBuilder : "https://github.com/actions/runner";
    }

    /// <summary>The remote as an absolute URI, which a ResourceDescriptor needs: git's scp-like
    /// <c>git@host:path</c> becomes <c>ssh://git@host/path</c>, a local path a <c>file://</c> URI.</summary>
    internal static string? GitUri(string remote)
    {
        var scp = remote.IndexOf(':', StringComparison.Ordinal);
        var at = remote.IndexOf('@', StringComparison.Ordinal);
        if (!remote.Contains("://", StringComparison.Ordinal) && at > 0 && scp > at)
        {
            return $"ssh://{remote[..scp]}/{remote[(scp + 1)..].TrimStart('/')}";
        }

        if (remote.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(remote, UriKind.Absolute, out var absolute))
        {
            return absolute.AbsoluteUri;
        }

        return Path.IsPathFullyQualified(remote) ? new Uri(remote).AbsoluteUri : null;
    }

    private static string? Ref(CodeLineage? code) =>
        code is null ? null
        : code.Branch is { } branch ? $"refs/heads/{branch}"
        : code.Tag is { } tag ? $"refs/tags/{tag}"
        : null;

    private static string ToolVersion() =>
        typeof(ProvenanceStatement).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private static void Set(JsonObject target, string name, string? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }

    /// <summary>The statement as one indented JSON document ('+' in <c>git+https</c> stays readable).</summary>
    public static string ToJson(JsonObject statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return statement.ToJsonString(Output);
    }

    private static readonly JsonSerializerOptions Output = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
