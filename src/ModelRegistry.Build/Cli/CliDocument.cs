using System.Text.Json;
using ModelRegistry.Faces;

namespace ModelRegistry.Build.Cli;

/// <summary>Reads the document the tool printed with <c>--json</c>, with the contract's own records
/// (<see cref="RegistrationDocument"/>, <see cref="Runtime.RestoreDocument"/>): the tool writes the same records.</summary>
internal static class CliDocument
{
    /// <summary>Reads the document; <paramref name="command"/> names the command in the error when it is unreadable (MRB1612).</summary>
    public static T Parse<T>(CliResult result, string command)
        where T : class
    {
        try
        {
            return result.Document<T>();
        }
        catch (JsonException e)
        {
            throw BuildErrors.CliOutputUnreadable(command, e.Message);
        }
    }
}
