using Cake.Core;
using Cake.Core.IO;
using ModelRegistry.Faces;
using CakePath = Cake.Core.IO.Path;

namespace ModelRegistry.Cake;

/// <summary>How settings become command-line words: quoted, paths made absolute against Cake's working directory.</summary>
internal static class CliArguments
{
    public static ProcessArgumentBuilder AppendOption(this ProcessArgumentBuilder builder, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return builder;
        }

        // A value with a credential in it (a SAS on a data URI) is marked secret, so no verbosity prints it.
        return CliProcessEnvironment.CarriesCredential(value)
            ? builder.Append(name).AppendQuotedSecret(value)
            : builder.Append(name).AppendQuoted(value);
    }

    public static ProcessArgumentBuilder AppendOption(this ProcessArgumentBuilder builder, string name, CakePath? path, ICakeEnvironment environment) =>
        path is null ? builder : builder.AppendOption(name, Absolute(path, environment));

    public static ProcessArgumentBuilder AppendOptions(this ProcessArgumentBuilder builder, string name, IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            builder.AppendOption(name, value);
        }

        return builder;
    }

    public static ProcessArgumentBuilder AppendOptions(this ProcessArgumentBuilder builder, string name, IEnumerable<CakePath> paths, ICakeEnvironment environment)
    {
        foreach (var path in paths)
        {
            builder.AppendOption(name, path, environment);
        }

        return builder;
    }

    public static ProcessArgumentBuilder AppendFlag(this ProcessArgumentBuilder builder, string name, bool on) =>
        on ? builder.Append(name) : builder;

    public static ProcessArgumentBuilder AppendPath(this ProcessArgumentBuilder builder, CakePath path, ICakeEnvironment environment) =>
        builder.AppendQuoted(Absolute(path, environment));

    public static string Absolute(CakePath path, ICakeEnvironment environment) => path switch
    {
        FilePath file => file.MakeAbsolute(environment).FullPath,
        DirectoryPath folder => folder.MakeAbsolute(environment).FullPath,
        _ => path.FullPath,
    };
}
