using System.Diagnostics;

namespace ModelRegistry.Cli.Tests.Scenarios;

/// <summary>Named pipes and folders where a file belongs: refused with a coded error, never opened and waited on.</summary>
public sealed class SpecialFileTests : Scenario
{
    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    [Fact]
    public async Task A_metrics_file_that_is_a_named_pipe_is_refused_instead_of_read_forever()
    {
        var fifo = Temp.Combine("metrics.json");
        MakeFifo(fifo);

        var (result, document) = await Json("evaluate", "--metrics", fifo, "--threshold", "auc>=0.9");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("MRB1202", ErrorCode(document));
        Assert.Contains("named pipe", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_metrics_path_that_is_a_folder_is_called_a_folder()
    {
        Directory.CreateDirectory(Temp.Combine("metrics"));

        var (result, document) = await Json("evaluate", "--metrics", Temp.Combine("metrics"), "--threshold", "auc>=0.9");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("MRB1202", ErrorCode(document));
        Assert.Contains("is a folder", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_artifact_folder_holding_a_named_pipe_is_refused_and_nothing_is_registered()
    {
        Temp.WriteFile("model/weights.bin", [1, 2, 3]);
        MakeFifo(Temp.Combine("model", "stream"));

        var (result, document) = await Json("register", "FraudDetection", Temp.Combine("model"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("MRB1015", ErrorCode(document));
        Assert.False(Directory.Exists(Path.Combine(Registry, "models")));
    }
}
