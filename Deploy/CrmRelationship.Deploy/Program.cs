using CrmRelationship.Deploy.Cli;

namespace CrmRelationship.Deploy;

/// <summary>crmrel's entry point; everything else lives in <see cref="CrmRelCli"/> and the command classes.</summary>
public static class Program
{
    public static int Main(string[] args) => CrmRelCli.Run(args, CliConsole.System());
}
