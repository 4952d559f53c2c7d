using Cake.Core;
using Cake.Core.IO;
using ModelRegistry.Faces;
using CakePath = Cake.Core.IO.Path;

namespace ModelRegistry.Cake;

/// <summary>Cake paths on the tool's command line: made absolute against Cake's working directory, as every Cake path is.</summary>
internal static class CliArguments
{
    public static CliCommandLine Option(this CliCommandLine line, string name, CakePath? path, ICakeEnvironment environment) =>
        path is null ? line : line.Option(name, Absolute(path, environment));

    public static CliCommandLine Options(this CliCommandLine line, string name, IEnumerable<CakePath> paths, ICakeEnvironment environment) =>
        line.Options(name, paths.Select(p => Absolute(p, environment)));

    public static string Absolute(CakePath path, ICakeEnvironment environment) => path switch
    {
        FilePath file => file.MakeAbsolute(environment).FullPath,
        DirectoryPath folder => folder.MakeAbsolute(environment).FullPath,
        _ => path.FullPath,
    };

}
