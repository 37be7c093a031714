using System;
using System.CommandLine;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CrmRelationship.Dataverse.Http;
using CrmRelationship.Dataverse.Recalc;
using CrmRelationship.Deploy.Cli;

namespace CrmRelationship.Deploy.Commands;

/// <summary>
/// <c>crmrel recalc</c>: brings every active contact and account of an environment up to date with the current rules
/// and the steps' settings, through <see cref="Recalculation"/>. Prints a progress bar on an interactive console and a
/// summary table; failed requests go to recalc.log in --out with their client-request-id. Exit code 0 every change
/// written, 2 some records failed (listed in failed.csv), 1 nothing done or the run stopped (one sentence says why).
/// </summary>
public sealed class RecalcCommand : ICliCommand
{
    public Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var connection = new ConnectionOptions();
        var dryRun = new Option<bool>("--dry-run") { Description = "Write nothing; list every value that would change in changes.csv." };
        var resume = new Option<bool>("--resume") { Description = "Finish the interrupted run whose checkpoint is in --out." };
        var output = new Option<string>("--out")
        {
            Description = "Folder for the checkpoint, recalc.log, changes.csv and failed.csv (default: ./out).",
            HelpName = "DIR",
            DefaultValueFactory = _ => "out",
        };
        var command = new Command(
            "recalc",
            "Recalculate the stored scores of every active contact and account with the current rules and the steps' settings; writes only what changed. "
            + "Exit code 0: every change written; 2: some records failed (listed); 1: nothing done (the message says why).")
        {
            dryRun, resume, output,
        };
        connection.AddTo(command);
        command.SetAction((parse, cancellationToken) => ExecuteAsync(
            new RecalcRequest(connection.Read(parse), parse.GetValue(output) ?? "out", parse.GetValue(dryRun), parse.GetValue(resume)),
            console,
            Environment.GetEnvironmentVariable,
            null,
            cancellationToken));
        return command;
    }

    /// <summary>Runs recalc and prints the summary; never lets an exception (or its stack trace) reach the user.</summary>
    public static async Task<int> ExecuteAsync(
        RecalcRequest request, CliConsole console, Func<string, string?> environment, DataverseClientOptions? tuning, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(environment);
        try
        {
            var output = Recalculation.PrepareOutput(request.OutputDirectory);
            var logPath = Path.Combine(output, Recalculation.LogFileName);
            await using var logFile = new StreamWriter(logPath, append: request.Resume, Encoding.UTF8);
            var log = new RequestLog(logFile);
            using var client = await request.Connection.ConnectAsync(environment, console.OutWriter.WriteLine, log, tuning, cancellationToken).ConfigureAwait(false);
            var options = new RecalcOptions { OutputDirectory = output, DryRun = request.DryRun, Resume = request.Resume };
            using var stopping = cancellationToken.Register(() => console.Error.WriteLine(
                "crmrel recalc: stopping once the batches already sent are answered, so that --resume writes none of them twice."));
            var result = console.Out.Profile.Capabilities.Interactive
                ? await RecalcProgress.RunAsync(console.Out, progress => Recalculation.RunAsync(client, options with { Progress = progress }, cancellationToken)).ConfigureAwait(false)
                : await Recalculation.RunAsync(client, options, cancellationToken).ConfigureAwait(false);
            RecalcSummary.Write(console.Out, result, client.Url.ToString());
            return result.ExitCode;
        }
        catch (DataverseException ex)
        {
            console.Error.WriteLine("crmrel recalc: " + ex.Message);
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.Error.WriteLine("crmrel recalc: interrupted before anything was written; run it again.");
            return 1;
        }
#pragma warning disable CA1031 // The last line of defence: one sentence, never a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return console.Unexpected("recalc", "recalculating", ex);
        }
    }
}

/// <summary>The options of one <c>crmrel recalc</c> run, as typed.</summary>
public sealed record RecalcRequest(ConnectionRequest Connection, string OutputDirectory, bool DryRun, bool Resume);
