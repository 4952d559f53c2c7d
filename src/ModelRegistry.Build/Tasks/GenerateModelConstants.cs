using Microsoft.Build.Framework;
using ModelRegistry.Build.References;

namespace ModelRegistry.Build.Tasks;

/// <summary>Writes ModelRegistryModels.g.cs from the resolved references, only when its text changes, so an
/// unchanged lock never triggers a recompile.</summary>
public sealed class GenerateModelConstants : Microsoft.Build.Utilities.Task
{
    public ITaskItem[] ResolvedReferences { get; set; } = [];

    [Required]
    public string OutputFile { get; set; } = "";

    public string? Namespace { get; set; }

    public string ClassName { get; set; } = "ModelRegistryModels";

    public override bool Execute()
    {
        var text = ConstantsWriter.Write(ResolvedReferences, Namespace, string.IsNullOrWhiteSpace(ClassName) ? "ModelRegistryModels" : ClassName.Trim());
        GeneratedSource.Write(OutputFile, text, Log);
        return true;
    }
}
