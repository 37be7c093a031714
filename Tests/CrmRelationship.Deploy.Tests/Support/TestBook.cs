using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using CrmRelationship.Deploy.Cli;

namespace CrmRelationship.Deploy.Tests.Support;

/// <summary>The outcome of one in-process crmrel run.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error);

/// <summary>
/// A scratch folder holding one test's input files and crmrel's output, deleted afterwards. Runs
/// crmrel in process through <see cref="CrmRelCli"/>, recording what it prints.
/// </summary>
internal sealed class TestBook : IDisposable
{
    public const string ContactHeader =
        "contactid,fullname,parentcustomerid,statecode,createdon,rel_relationship,rel_organizationalpower,rel_perception,rel_activitylevel,"
        + "rel_observedbehaviours,rel_riskbehaviours,rel_customerviewlevel,rel_customerviewdate,rel_feedbackcadence";

    public const string AccountHeader = "accountid,name,rel_customerviewlevel,rel_customerviewdate,rel_feedbackcadence";

    private static readonly System.Buffers.SearchValues<char> NeedsQuotes = System.Buffers.SearchValues.Create(",\"\r\n");

    public TestBook()
    {
        Folder = Path.Combine(Path.GetTempPath(), "crmrel-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string Out => Path.Combine(Folder, "out");

    public string ContactsOut => Path.Combine(Out, "contacts.csv");

    public string AccountsOut => Path.Combine(Out, "accounts.csv");

    public string RejectedOut => Path.Combine(Out, "rejected.csv");

    public string ReportOut => Path.Combine(Out, "report.html");

    /// <summary>Writes lines joined by <paramref name="newline"/>, UTF-8, optionally with a byte order mark.</summary>
    public string WriteLines(string name, IEnumerable<string> lines, string newline = "\r\n", bool bom = false)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, string.Join(newline, lines) + newline, new UTF8Encoding(bom));
        return path;
    }

    /// <summary>A contacts file: the standard header, then the given rows.</summary>
    public string Contacts(params string[] rows)
    {
        var lines = new List<string> { ContactHeader };
        lines.AddRange(rows);
        return WriteLines("contacts-in.csv", lines);
    }

    public string Accounts(params string[] rows)
    {
        var lines = new List<string> { AccountHeader };
        lines.AddRange(rows);
        return WriteLines("accounts-in.csv", lines);
    }

    public static CliRun Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CrmRelCli.Run(args, CliConsole.Recording(output, error));
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>crmrel score on the given contacts file (and accounts file), as of 2026-11-24, into <see cref="Out"/>.</summary>
    public CliRun Score(string contacts, string? accounts = null, params string[] more)
    {
        var args = new List<string> { "score", "--contacts", contacts, "--as-of", "2026-11-24", "--out", Out };
        if (accounts is not null)
        {
            args.Add("--accounts");
            args.Add(accounts);
        }

        args.AddRange(more);
        return Run(args.ToArray());
    }

    public List<Dictionary<string, string>> ContactsTable() => TestCsv.ReadTable(ContactsOut, out _);

    public List<Dictionary<string, string>> AccountsTable() => TestCsv.ReadTable(AccountsOut, out _);

    public List<Dictionary<string, string>> RejectedTable() => TestCsv.ReadTable(RejectedOut, out _);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow file system; the temp folder is cleaned eventually.
        }
    }

    /// <summary>One contact row in <see cref="ContactHeader"/> order; values with commas, quotes or line breaks are quoted.</summary>
    public static string Contact(
        string id,
        string name = "",
        string parent = "",
        string state = "",
        string created = "",
        string relationship = "",
        string power = "",
        string perception = "",
        string activity = "",
        string observed = "",
        string risks = "",
        string view = "",
        string viewDate = "",
        string cadence = "") =>
        Line(id, name, parent, state, created, relationship, power, perception, activity, observed, risks, view, viewDate, cadence);

    public static string Line(params string[] values)
    {
        var quoted = new string[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            quoted[i] = v.AsSpan().IndexOfAny(NeedsQuotes) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
        }

        return string.Join(",", quoted);
    }
}
