using System;
using System.Globalization;
using CrmRelationship.Offline;
using CrmRelationship.Scoring;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CrmRelationship.Deploy.Commands;

/// <summary>
/// Prints what <c>crmrel score</c> did: contacts per action in urgency order, the accounts (most at
/// risk first) with level, health, action and key contact, the rejected rows, and where the files
/// are. Data values are rendered as plain text, never as Spectre markup, and without control
/// characters (<see cref="ConsoleText"/>).
/// </summary>
internal static class ScoreSummary
{
    public const int MaxAccountRows = 25;
    public const int MaxRejectedRows = 10;

    public static void Write(IAnsiConsole console, ScoreResult result)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        var asOf = result.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        console.Write(new Text(
            "Scored " + N(result.ContactsScored) + " of " + N(result.ContactRows) + " contact rows and " + N(result.Accounts.Count) + " accounts as of " + asOf
            + (result.SourceNote is null ? string.Empty : " (" + ConsoleText.Plain(result.SourceNote) + ")") + ".\n"));
        console.WriteLine();
        WriteActions(console, result);
        console.WriteLine();
        WriteAccounts(console, result);
        console.WriteLine();
        WriteRejected(console, result);
        WriteFiles(console, result);
    }

    private static void WriteActions(IAnsiConsole console, ScoreResult result)
    {
        var table = new Table().Title("Active contacts per recommended action (most urgent first)").AddColumn("Recommended action").AddColumn(new TableColumn("Contacts").RightAligned());
        for (var i = 0; i < result.ContactsPerAction.Count; i++)
        {
            Row(table, Labels.Of(RelationshipMatrix.ByUrgency[i]), N(result.ContactsPerAction[i]));
        }

        Row(table, "Not assessed", N(result.ContactsNotAssessed));
        table.AddEmptyRow();
        Row(table, "Feedback overdue (due on or before " + result.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ")", N(result.FeedbackOverdue));
        Row(table, "Inactive (scored, not rolled up)", N(result.InactiveContacts));
        Row(table, "Without a parent account (not rolled up)", N(result.ContactsWithoutAccount));
        if (result.Engagement is { } engagement)
        {
            table.AddEmptyRow();
            Row(table, "With a touchpoint (" + N(engagement.CallsOrMeetings) + " calls or meetings, " + N(engagement.Emails) + " emails, "
                + N(engagement.OtherActivities) + " other activities)", N(engagement.ContactsWithTouchpoints));
            Row(table, "Noticed", N(engagement.ContactsNoticed));
            if (result.ActivityContactsUnknown > 0)
            {
                Row(table, "Contacts named in the activities but not in the contacts file", N(result.ActivityContactsUnknown));
            }
        }
        if (result.AccountsSource is not null)
        {
            Row(table, "Parent account not in the accounts file (not rolled up)", N(result.ContactsWithUnknownAccount));
        }

        console.Write(table);
    }

    private static void WriteAccounts(IAnsiConsole console, ScoreResult result)
    {
        var table = new Table().Title("Accounts, most at risk first")
            .AddColumn("Account").AddColumn(new TableColumn("Level").NoWrap()).AddColumn(new TableColumn("Health").RightAligned().NoWrap())
            .AddColumn("Recommended action").AddColumn("Key contact").AddColumn(new TableColumn("At risk").RightAligned().NoWrap());
        for (var i = 0; i < result.Accounts.Count && i < MaxAccountRows; i++)
        {
            var account = result.Accounts[i];
            var score = account.Score;
            Row(
                table,
                ConsoleText.Name(account.DisplayName),
                score.RelationshipLevel is { } level ? Labels.Of(level) : "-",
                score.HealthScore is { } health ? N(health) : "-",
                score.RecommendedAction is { } action ? Labels.Of(action) : "(no assessed contacts)",
                account.KeyContactName is null ? "-" : ConsoleText.Name(account.KeyContactName),
                N(score.RiskContacts) + " of " + N(score.AssessedContacts));
        }

        if (result.Accounts.Count > MaxAccountRows)
        {
            table.Caption(N(result.Accounts.Count - MaxAccountRows) + " more accounts in accounts.csv");
        }

        console.Write(table);
    }

    private static void WriteRejected(IAnsiConsole console, ScoreResult result)
    {
        if (result.RejectedCount == 0)
        {
            console.Write(new Text("Rejected rows: 0.\n"));
            console.WriteLine();
            return;
        }

        var unread = result.LinesInUnclosedQuotes == 0
            ? string.Empty
            : ", and neither " + (result.LinesInUnclosedQuotes == 1 ? "was the line" : "were the " + N(result.LinesInUnclosedQuotes) + " lines") + " that a quote never closed took in";
        console.Write(new Text(
            "Rejected rows: " + N(result.RejectedCount) + ". They were not scored or written" + unread + "; every other row was. Each is listed with its line and reason in "
            + ConsoleText.Plain(result.RejectedOutput) + ".\n"));
        var table = new Table().AddColumn("File").AddColumn(new TableColumn("Line").RightAligned()).AddColumn("Id").AddColumn("Reason");
        for (var i = 0; i < result.Rejected.Count && i < MaxRejectedRows; i++)
        {
            var row = result.Rejected[i];
            Row(table, ConsoleText.Name(row.File), N(row.Line), ConsoleText.Name(row.Id), ConsoleText.Plain(row.Reason));
        }

        if (result.RejectedCount > MaxRejectedRows)
        {
            table.Caption(N(result.RejectedCount - MaxRejectedRows) + " more in rejected.csv");
        }

        console.Write(table);
        console.WriteLine();
    }

    private static void WriteFiles(IAnsiConsole console, ScoreResult result)
    {
        var grid = new Grid().AddColumn().AddColumn();
        Row(grid, "Output folder", result.OutputDirectory);
        Row(grid, "Contacts", result.ContactsOutput);
        Row(grid, "Accounts", result.AccountsOutput);
        Row(grid, "Rejected rows", result.RejectedOutput);
        Row(grid, "Report", result.ReportOutput);
        if (result.ReplacedColumns.Count > 0)
        {
            Row(grid, "Recomputed in place", string.Join(", ", result.ReplacedColumns));
        }

        console.Write(new Text("Files written:\n"));
        console.Write(grid);
    }

    private static void Row(Table table, params string[] values)
    {
        var cells = new IRenderable[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            cells[i] = new Text(values[i]);
        }

        table.AddRow(cells);
    }

    private static void Row(Grid grid, string label, string value) => grid.AddRow(new Text(label), new Text(ConsoleText.Plain(value)));

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
