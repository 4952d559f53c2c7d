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

    [Theory]
    [InlineData("list", "A")]
    [InlineData("history", "A")]
    [InlineData("show", "A@1")]
    [InlineData("register", "A", "{model}")]
    public async Task A_named_pipe_planted_in_the_registry_is_reported_as_damage_instead_of_waited_on(params string[] args)
    {
        // arrange: revision 1 of the model's log replaced by a named pipe
        var model = Temp.WriteFile("model.bin", [1, 2, 3]);
        Assert.Equal(0, (await Cli("register", "A", model)).ExitCode);
        var entry = Directory.GetFiles(Path.Combine(Registry, "models", "a", "log")).Single();
        File.Delete(entry);
        File.Delete(Path.Combine(Registry, "models", "a", "state.json"));
        MakeFifo(entry);

        // act: a command that waited on the pipe would never end; the test's own timeout would fail it
        var (result, document) = await Json([.. args.Select(a => a == "{model}" ? model : a)]).WaitAsync(TimeSpan.FromMinutes(2));

        // assert
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("MRB1103", ErrorCode(document));
        Assert.Contains("named pipe", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_lists_a_named_pipe_planted_in_the_registry_as_a_problem()
    {
        // arrange
        var model = Temp.WriteFile("model.bin", [1, 2, 3]);
        Assert.Equal(0, (await Cli("register", "A", model)).ExitCode);
        var entry = Directory.GetFiles(Path.Combine(Registry, "models", "a", "log")).Single();
        File.Delete(entry);
        MakeFifo(entry);

        // act
        var (result, document) = await Json("verify").WaitAsync(TimeSpan.FromMinutes(2));

        // assert
        Assert.Equal(1, result.ExitCode);
        var problem = Assert.Single(document.GetProperty("problems").EnumerateArray());
        Assert.Equal("models/a/log/00000000000000000001.json", problem.GetProperty("path").GetString());
        Assert.Contains("named pipe", problem.GetProperty("problem").GetString(), StringComparison.Ordinal);
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
