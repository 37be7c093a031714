using System.CommandLine;

namespace CrmRelationship.Deploy.Cli;

/// <summary>
/// One crmrel command (score, pack, generate, recalc, export, settings): builds its
/// System.CommandLine definition, whose action returns the process exit code.
/// </summary>
public interface ICliCommand
{
    Command Create(CliConsole console);
}
