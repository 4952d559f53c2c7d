using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ModelRegistry.Build.References;

/// <summary>A generated source file is written only when its text changes, so an unchanged lock never triggers a recompile.</summary>
internal static class GeneratedSource
{
    public static void Write(string path, string text, TaskLoggingHelper log)
    {
        if (File.Exists(path) && File.ReadAllText(path) == text)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        log.LogMessage(MessageImportance.Low, $"Wrote {path}.");
    }
}
