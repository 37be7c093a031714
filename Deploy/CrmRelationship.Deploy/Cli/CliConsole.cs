using System;
using System.IO;
using Spectre.Console;

namespace CrmRelationship.Deploy.Cli;

/// <summary>
/// Where a command writes: Spectre's console for tables and progress, plain writers for help text
/// and for errors (stderr). Tests pass writers they can read back.
/// </summary>
/// <param name="Out">Tables, progress and summaries.</param>
/// <param name="OutWriter">Help and parser output.</param>
/// <param name="Error">One-sentence errors.</param>
public sealed record CliConsole(IAnsiConsole Out, TextWriter OutWriter, TextWriter Error)
{
    /// <summary>The process's own console.</summary>
    public static CliConsole System() => new(AnsiConsole.Console, Console.Out, Console.Error);

    /// <summary>A console that records plain text (no colours, no live progress), for tests and scripts.</summary>
    public static CliConsole Recording(TextWriter output, TextWriter error, int width = 160)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = width;
        return new CliConsole(console, output, error);
    }

    /// <summary>
    /// The last line of defence of a command: one sentence on stderr naming what failed, never a stack trace.
    /// </summary>
    /// <param name="command">"pack", "score", "generate".</param>
    /// <param name="activity">"packing", "scoring", "generating".</param>
    /// <param name="error">What stopped it.</param>
    /// <returns>The exit code, 1.</returns>
    public int Unexpected(string command, string activity, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error.WriteLine(
            "crmrel " + command + ": " + activity + " stopped because of an unexpected error (" + error.GetType().Name + ": " + error.Message.TrimEnd('.')
            + "); run it again, and if it happens again report it with the command you ran.");
        return 1;
    }
}
