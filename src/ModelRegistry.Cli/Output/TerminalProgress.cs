using Spectre.Console;

namespace ModelRegistry.Cli.Output;

/// <summary>
/// A progress line on stderr for transfers over a few megabytes; smaller files finish before a bar would help.
/// Updates at most every 200 ms so that a fast local copy is not slowed by drawing.
/// </summary>
internal sealed class TerminalProgress : IProgress<TransferProgress>
{
    private const long Threshold = 4 << 20;
    private static readonly IAnsiConsole Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) });
    private readonly Lock gate = new();
    private DateTime lastDrawn = DateTime.MinValue;

    public void Report(TransferProgress value)
    {
        if (value.Total < Threshold)
        {
            return;
        }

        lock (gate)
        {
            var done = value.Done >= value.Total;
            if (!done && DateTime.UtcNow - lastDrawn < TimeSpan.FromMilliseconds(200))
            {
                return;
            }

            lastDrawn = DateTime.UtcNow;
            var percent = value.Total == 0 ? 100 : (int)(value.Done * 100 / value.Total);
            var bar = new string('#', percent / 4).PadRight(25, '.');
            Console.Markup($"\r[grey]{Markup.Escape(TerminalText.Safe(value.File))}[/] [[{bar}]] {percent,3}% {value.Done / (1 << 20)}/{value.Total / (1 << 20)} MiB");
            if (done)
            {
                Console.WriteLine();
            }
        }
    }
}
