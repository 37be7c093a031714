using System.Collections.Generic;
using System.IO;
using CrmRelationship.Deploy.Cli;
using CrmRelationship.Deploy.Tests.Support;

namespace CrmRelationship.Tests.Shared;

/// <summary>crmrel's tests score a <see cref="TestBook"/> through crmrel's command line, in process (<see cref="CrmRelCli"/>), recording what it prints.</summary>
internal sealed partial class TestBook
{
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
}
