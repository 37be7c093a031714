using System;
using System.Globalization;
using CrmRelationship.Dataverse.Recalc;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CrmRelationship.Deploy.Commands;

/// <summary>
/// Prints what <c>crmrel recalc</c> did: per table read, changed, written and failed; requests and retries; the failed
/// records with their reasons; warnings; the files. Data values are plain text, never Spectre markup.
/// </summary>
internal static class RecalcSummary
{
    public const int MaxFailedRows = 10;

    public static void Write(IAnsiConsole console, RecalcResult result, string environment)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        var asOf = result.ScoredOn.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
        var verb = result.DryRun ? "Compared" : result.Resumed ? "Resumed recalculating" : "Recalculated";
        console.Write(new Text(verb + " the active contacts and accounts of " + environment + " as of " + asOf + " with the steps' settings (" + result.Settings + ").\n"));
        console.WriteLine();

        var table = new Table()
            .AddColumn("Table")
            .AddColumn(new TableColumn("Read").RightAligned())
            .AddColumn(new TableColumn("Changed").RightAligned())
            .AddColumn(new TableColumn(result.DryRun ? "Would write" : "Written").RightAligned())
            .AddColumn(new TableColumn("Failed").RightAligned());
        Row(table, "Contacts", result.Contacts, result, "contact");
        Row(table, "Accounts", result.Accounts, result, "account");
        console.Write(table);

        var parallel = "parallelism " + N(result.Parallelism) + (result.ParallelismHint is { } hint ? " (x-ms-dop-hint " + N(hint) + ")" : string.Empty);
        console.Write(new Text(
            "Requests: " + N(result.Requests) + ", retried " + N(result.Retried) + "; " + parallel + "; "
            + result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s.\n"));
        if (result.Contacts.WrittenBefore + result.Accounts.WrittenBefore > 0)
        {
            console.Write(new Text("Written by the interrupted run before this one: " + N(result.Contacts.WrittenBefore) + " contacts, " + N(result.Accounts.WrittenBefore) + " accounts.\n"));
        }

        foreach (var warning in result.Warnings)
        {
            console.Write(new Text("Note: " + warning + "\n"));
        }

        WriteFailed(console, result);
        console.WriteLine();
        if (result.DryRun)
        {
            console.Write(new Text("Dry run: nothing was written. Every value that would change is listed in " + result.ChangesFile + ".\n"));
        }
        else if (result.Interrupted)
        {
            console.Write(new Text("Interrupted: what was written is kept in " + result.CheckpointFile + "; run crmrel recalc --resume with the same --out to finish.\n"));
        }
        else if (result.Failed.Count > 0)
        {
            console.Write(new Text("Fix what the reasons say, then run crmrel recalc --resume with the same --out to write the failed records.\n"));
        }

        console.Write(new Text("Log of failed requests: " + result.LogFile + "\n"));
    }

    private static void Row(Table table, string label, TableCounts counts, RecalcResult result, string logicalName)
    {
        var failed = 0;
        foreach (var record in result.Failed)
        {
            if (record.Table == logicalName)
            {
                failed++;
            }
        }

        table.AddRow(new IRenderable[]
        {
            new Text(label), new Text(N(counts.Read)), new Text(N(counts.Changed)), new Text(N(result.DryRun ? counts.Changed : counts.Written)), new Text(N(failed)),
        });
    }

    private static void WriteFailed(IAnsiConsole console, RecalcResult result)
    {
        if (result.Failed.Count == 0)
        {
            return;
        }

        console.Write(new Text("Failed records: " + N(result.Failed.Count) + ", listed with their reasons in " + result.FailedFile + ".\n"));
        var table = new Table().AddColumn("Table").AddColumn("Id").AddColumn("Reason");
        for (var i = 0; i < result.Failed.Count && i < MaxFailedRows; i++)
        {
            var record = result.Failed[i];
            table.AddRow(new Text(record.Table), new Text(record.Id.ToString("D")), new Text(record.Reason));
        }

        console.Write(table);
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
