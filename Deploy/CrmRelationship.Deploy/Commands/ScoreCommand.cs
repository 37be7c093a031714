using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using CrmRelationship.Deploy.Cli;
using CrmRelationship.Deploy.Offline;
using Spectre.Console;

namespace CrmRelationship.Deploy.Commands;

/// <summary>
/// <c>crmrel score</c>: the offline scorer. Parses the options, runs <see cref="OfflineScoring"/>
/// (with a progress bar for a large book on an interactive console), prints the summary and returns
/// the exit code: 0 all rows scored, 2 some rows rejected, 1 the run could not start or finish.
/// </summary>
public sealed class ScoreCommand : ICliCommand
{
    private const long ProgressThresholdBytes = 8L * 1024 * 1024;

    public Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var contacts = new Option<string?>("--contacts")
        {
            Description = "Contacts CSV (a Dynamics export: header of logical names, display labels). Without it, the bundled sample book is scored.",
            HelpName = "FILE",
        };
        var accounts = new Option<string?>("--accounts")
        {
            Description = "Accounts CSV (accountid, name and the account's customer view). Without it, accounts are the contacts' parentcustomerid values.",
            HelpName = "FILE",
        };
        var settings = new Option<string?>("--settings")
        {
            Description = "Administrator settings JSON (matrix overrides, highPowerWeight, healthWeights).",
            HelpName = "FILE",
        };
        var asOf = new Option<string?>("--as-of")
        {
            Description = "The date scored as today, yyyy-MM-dd (default: today).",
            HelpName = "yyyy-MM-dd",
        };
        var output = new Option<string>("--out")
        {
            Description = "Folder for contacts.csv, accounts.csv, rejected.csv and report.html, created if missing.",
            HelpName = "DIR",
            DefaultValueFactory = _ => "out",
        };

        var command = new Command(
            "score",
            "Score contacts and accounts offline from CSV exports, and write scored CSVs and an HTML report. "
            + "Exit code 0: every row scored; 2: some rows rejected (listed in rejected.csv, all others scored); 1: nothing scored (the message says why).")
        {
            contacts, accounts, settings, asOf, output,
        };
        command.SetAction(parse =>
        {
            var date = ParseAsOf(parse.GetValue(asOf));
            if (date is null)
            {
                console.Error.WriteLine("crmrel score: --as-of must be a date in yyyy-MM-dd form, such as 2026-11-24.");
                return 1;
            }

            var options = new ScoreOptions
            {
                ContactsPath = parse.GetValue(contacts),
                AccountsPath = parse.GetValue(accounts),
                SettingsPath = parse.GetValue(settings),
                AsOf = date.Value,
                OutputDirectory = parse.GetValue(output) ?? "out",
            };
            return Execute(options, console);
        });
        return command;
    }

    /// <summary>Runs the scorer and prints the summary; never lets an exception (or its stack trace) reach the user.</summary>
    public static int Execute(ScoreOptions options, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        try
        {
            var result = ShowProgress(console, options) ? RunWithProgress(options, console) : OfflineScoring.Run(options);
            ScoreSummary.Write(console.Out, result);
            return result.ExitCode;
        }
        catch (ScoreInputException ex)
        {
            console.Error.WriteLine("crmrel score: " + ex.Message);
            return 1;
        }
#pragma warning disable CA1031 // The last line of defence: one sentence, never a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return console.Unexpected("score", "scoring", ex);
        }
    }

    private static DateOnly? ParseAsOf(string? text)
    {
        if (text is null)
        {
            return DateOnly.FromDateTime(DateTime.Today);
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    private static bool ShowProgress(CliConsole console, ScoreOptions options)
    {
        if (!console.Out.Profile.Capabilities.Interactive || options.ContactsPath is null)
        {
            return false;
        }

        try
        {
            var file = new FileInfo(options.ContactsPath);
            return file.Exists && file.Length >= ProgressThresholdBytes;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    private static ScoreResult RunWithProgress(ScoreOptions options, CliConsole console) =>
        console.Out.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("Scoring contacts");
                var result = OfflineScoring.Run(options with
                {
                    Progress = (read, total) =>
                    {
                        task.MaxValue = Math.Max(1, total);
                        task.Value = Math.Min(read, task.MaxValue);
                    },
                });
                task.Value = task.MaxValue;
                return result;
            });
}
