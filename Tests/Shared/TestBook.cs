using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace CrmRelationship.Tests.Shared;

/// <summary>
/// A scratch folder holding one test's input files and the scorer's output, deleted afterwards.
/// Linked into the offline scorer's tests and crmrel's tests; each adds how it scores the book
/// (the library in process, or crmrel's command line).
/// </summary>
internal sealed partial class TestBook : IDisposable
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
