using System;
using BenchmarkDotNet.Running;

namespace CrmRelationship.Benchmarks;

/// <summary>
/// Benchmarks entry point: `e2e [contacts] [accounts]` runs crmrel score once on a generated book and
/// prints wall time and peak working set; `recalc [contacts] [accounts] [latency ms]` counts the requests and
/// times crmrel recalc against the fake Dataverse, UpdateMultiple against one request per record; anything
/// else goes to BenchmarkDotNet's switcher (e.g. `--filter *ContactScoring*`).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && string.Equals(args[0], "e2e", StringComparison.OrdinalIgnoreCase))
        {
            return EndToEndMode.Run(args);
        }

        if (args.Length > 0 && string.Equals(args[0], "recalc", StringComparison.OrdinalIgnoreCase))
        {
            return RecalcMode.Run(args);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
