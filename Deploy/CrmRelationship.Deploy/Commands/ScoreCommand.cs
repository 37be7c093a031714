using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using CrmRelationship.Deploy.Cli;
using CrmRelationship.Offline;
using Spectre.Console;

namespace CrmRelationship.Deploy.Commands;

/// <summary>
/// <c>crmrel score</c>: parses the options (no --contacts means the bundled sample book), runs the
/// offline scorer <see cref="OfflineScoring"/> (with a progress bar for a large book on an interactive
/// console), prints the summary and returns the exit code: 0 all rows scored, 2 some rows rejected,
/// 1 the run could not start or finish, with one sentence that says what to do (naming the option to change when that is the fix).
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
        var activities = new Option<string?>("--activities")
        {
            Description = "Activities CSV (activityid, activitytypecode, statecode, actualend, modifiedon, partyids as contactid:mask;…). "
                + "With it every contact gets rel_touchpoints, rel_lasttouchpoint and rel_engagement.",
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

        var excelSafe = new Option<bool>("--excel-safe")
        {
            Description = "Put ' in front of text cells that start with =, +, -, @, tab or carriage return, so a spreadsheet shows them as text "
                + "instead of running them as formulas. For CSVs opened in Excel; leave it off for CSVs imported into Dataverse.",
        };

        var command = new Command(
            "score",
            "Score contacts and accounts offline from CSV exports, and write scored CSVs and an HTML report. "
            + "Exit code 0: every row scored; 2: some rows rejected (listed in rejected.csv, all others scored); 1: nothing scored (the message says why).")
        {
            contacts, accounts, activities, settings, asOf, output, excelSafe,
        };
        command.SetAction(parse => Execute(
            new ScoreRequest(
                parse.GetValue(contacts),
                parse.GetValue(accounts),
                parse.GetValue(settings),
                parse.GetValue(asOf),
                parse.GetValue(output) ?? "out",
                parse.GetValue(excelSafe),
                parse.GetValue(activities)),
            console));
        return command;
    }

    /// <summary>Runs the scorer and prints the summary; never lets an exception (or its stack trace) reach the user.</summary>
    public static int Execute(ScoreRequest request, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(console);
        try
        {
            var options = ToOptions(request);
            var result = ShowProgress(console, options) ? RunWithProgress(options, console) : OfflineScoring.Run(options);
            ScoreSummary.Write(console.Out, result);
            return result.RejectedCount > 0 ? 2 : 0;
        }
        catch (ScoreInputException ex)
        {
            console.Error.WriteLine("crmrel score: " + ConsoleText.Plain(Sentence(ex)));
            return 1;
        }
#pragma warning disable CA1031 // The last line of defence: one sentence, never a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return console.Unexpected("score", "scoring", ex);
        }
    }

    /// <summary>The scorer's sentence, with what to do in crmrel's terms when the fix is another option value.</summary>
    private static string Sentence(ScoreInputException error)
    {
        var remedy = error.Choice switch
        {
            ScoreInputChoice.ContactsPath => "check the path given to --contacts",
            ScoreInputChoice.AccountsPath => "check the path given to --accounts",
            ScoreInputChoice.ActivitiesPath => "check the path given to --activities",
            ScoreInputChoice.SettingsPath => "check the path given to --settings",
            ScoreInputChoice.OutputDirectory => "choose another folder with --out",
            ScoreInputChoice.OutputFile => "close it if it is open elsewhere, or choose another folder with --out",
            _ => null,
        };
        return remedy is null ? error.Message : error.Message.TrimEnd('.') + "; " + remedy + ".";
    }

    /// <summary>The scorer's options from the typed ones: no --contacts means the sample book, no --as-of today.</summary>
    private static ScoreOptions ToOptions(ScoreRequest request)
    {
        var asOf = ParseAsOf(request.AsOf) ?? throw new ScoreInputException("--as-of must be a date in yyyy-MM-dd form, such as 2026-11-24.");
        if (request.ContactsPath is not null)
        {
            return new ScoreOptions
            {
                ContactsPath = request.ContactsPath,
                AccountsPath = request.AccountsPath,
                ActivitiesPath = request.ActivitiesPath,
                SettingsPath = request.SettingsPath,
                AsOf = asOf,
                OutputDirectory = request.OutputDirectory,
                ExcelSafe = request.ExcelSafe,
            };
        }

        if (request.AccountsPath is not null)
        {
            throw new ScoreInputException("--accounts needs --contacts: pass the contacts file that goes with these accounts, or neither to score the sample book.");
        }

        if (request.ActivitiesPath is not null)
        {
            throw new ScoreInputException("--activities needs --contacts: pass the contacts file these activities belong to, or neither to score the sample book.");
        }

        if (!File.Exists(SampleBook.ContactsPath))
        {
            throw new ScoreInputException("The bundled sample book is missing from " + SampleBook.Directory + "; pass your own file with --contacts.");
        }

        return new ScoreOptions
        {
            ContactsPath = SampleBook.ContactsPath,
            AccountsPath = SampleBook.AccountsPath,
            ActivitiesPath = SampleBook.ActivitiesPath,
            SettingsPath = request.SettingsPath,
            AsOf = asOf,
            OutputDirectory = request.OutputDirectory,
            ExcelSafe = request.ExcelSafe,
            SourceNote = SampleBook.Note,
        };
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
        if (!console.Out.Profile.Capabilities.Interactive)
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

/// <summary>The options of one <c>crmrel score</c> run, as typed.</summary>
public sealed record ScoreRequest(string? ContactsPath, string? AccountsPath, string? SettingsPath, string? AsOf, string OutputDirectory, bool ExcelSafe = false, string? ActivitiesPath = null);
