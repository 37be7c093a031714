using System;
using System.Collections.Generic;
using System.CommandLine;
using CrmRelationship.Dataverse.Http;
using CrmRelationship.Deploy.Commands;

namespace CrmRelationship.Deploy.Cli;

/// <summary>
/// The crmrel command line: the root command with every <see cref="ICliCommand"/> under it. Runs in
/// process, so tests get the exit code and the output without starting crmrel.
/// </summary>
public static class CrmRelCli
{
    /// <summary>0 success, 1 the run could not start or finish, 2 some rows were rejected.</summary>
    public static int Run(IReadOnlyList<string> args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var root = new RootCommand("crmrel: tools for the Customer Relationship Influence solution.");
        foreach (var command in Commands())
        {
            root.Subcommands.Add(command.Create(console));
        }

        var configuration = new InvocationConfiguration
        {
            Output = console.OutWriter,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,

            // After Ctrl+C, recalc waits for the batches it has already sent to be answered (each within one attempt's
            // time limit), so that --resume writes none of them twice; the default two seconds would cut that short.
            ProcessTerminationTimeout = new DataverseClientOptions().AttemptTimeout + TimeSpan.FromSeconds(10),
        };
        return root.Parse(args).Invoke(configuration);
    }

    private static IEnumerable<ICliCommand> Commands()
    {
        yield return new ScoreCommand();
        yield return new PackCommand();
        yield return new GenerateCommand();
        yield return new RecalcCommand();
        yield return new ExportCommand();
        yield return new SettingsCommand();
    }
}
