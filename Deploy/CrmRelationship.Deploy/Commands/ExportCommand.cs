using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CrmRelationship.Dataverse.Export;
using CrmRelationship.Dataverse.Http;
using CrmRelationship.Dataverse.Recalc;
using CrmRelationship.Deploy.Cli;
using Spectre.Console;

namespace CrmRelationship.Deploy.Commands;

/// <summary>
/// <c>crmrel export</c>: writes the environment's active contacts and accounts as contacts.csv and accounts.csv exactly as
/// <c>crmrel score</c> reads them (<see cref="DataExport"/>), so settings can be tried offline on real data. Failed
/// requests go to export.log in --out. Exit code 0 written, 1 not (one sentence says why).
/// </summary>
public sealed class ExportCommand : ICliCommand
{
    public const string LogFileName = "export.log";

    public Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var connection = new ConnectionOptions();
        var output = new Option<string>("--out")
        {
            Description = "Folder for contacts.csv, accounts.csv, activities.csv and export.log (default: ./out).",
            HelpName = "DIR",
            DefaultValueFactory = _ => "out",
        };
        var command = new Command("export", "Export the active contacts and accounts as the CSV files crmrel score reads, to try settings offline on real data.")
        {
            output,
        };
        connection.AddTo(command);
        command.SetAction((parse, cancellationToken) => ExecuteAsync(
            new ExportRequest(connection.Read(parse), parse.GetValue(output) ?? "out"), console, Environment.GetEnvironmentVariable, null, cancellationToken));
        return command;
    }

    public static async Task<int> ExecuteAsync(
        ExportRequest request, CliConsole console, Func<string, string?> environment, DataverseClientOptions? tuning, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(environment);
        try
        {
            var output = Recalculation.PrepareOutput(request.OutputDirectory);
            await using var logFile = new StreamWriter(Path.Combine(output, LogFileName), append: false, Encoding.UTF8);
            using var client = await request.Connection.ConnectAsync(environment, console.OutWriter.WriteLine, new RequestLog(logFile), tuning, cancellationToken)
                .ConfigureAwait(false);
            var result = await DataExport.RunAsync(client, new ExportOptions { OutputDirectory = output }, cancellationToken).ConfigureAwait(false);
            console.Out.Write(new Text(
                "Exported " + N(result.Contacts) + " active contacts, " + N(result.Accounts) + " active accounts and " + N(result.Activities)
                + " activities with contacts (" + string.Join(", ", result.ActivityTables) + ") of " + client.Url + " in "
                + result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s (" + N(result.Requests) + " requests):\n"
                + "  " + result.ContactsFile + "\n  " + result.AccountsFile + "\n  " + result.ActivitiesFile + "\n"));
            if (result.Relabelled > 0)
            {
                console.Out.Write(new Text(
                    "Note: " + N(result.Relabelled) + " values are shown in this environment with other labels than the solution's (another language, or a renamed option); "
                    + "they are written with the solution's labels, which crmrel score reads.\n"));
            }

            if (result.UnknownOptions.Count > 0)
            {
                console.Out.Write(new Text(
                    "Note: some values are options this version of the solution does not know (" + string.Join(", ", result.UnknownOptions)
                    + "); they are written empty, as the plug-ins read them: not assessed.\n"));
            }

            console.Out.Write(new Text(
                "Try settings on them with: crmrel score --contacts " + result.ContactsFile + " --accounts " + result.AccountsFile
                + " --activities " + result.ActivitiesFile + " --settings FILE --out ANOTHER_DIR\n"));
            return 0;
        }
        catch (DataverseException ex)
        {
            console.Error.WriteLine("crmrel export: " + ex.Message);
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.Error.WriteLine("crmrel export: interrupted; nothing was written (the files appear only when complete).");
            return 1;
        }
#pragma warning disable CA1031 // The last line of defence: one sentence, never a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return console.Unexpected("export", "exporting", ex);
        }
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>The options of one <c>crmrel export</c> run, as typed.</summary>
public sealed record ExportRequest(ConnectionRequest Connection, string OutputDirectory);
