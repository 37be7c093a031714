using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace CrmRelationship.Benchmarks;

/// <summary>
/// crmrel recalc of 20,000 never-scored contacts and 1,000 accounts against the fake Dataverse with 50 ms per request:
/// UpdateMultiple batches against one PATCH per record. One cold iteration each: a run is minutes for the baseline.
/// The request counts are printed by the `recalc` mode, which runs the same code.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1)]
public class RecalcBenchmarks
{
    [Params(false, true)]
    public bool OnePerRecord { get; set; }

    [Benchmark]
    public int Recalc() => RecalcRun.MeasureAsync(20_000, 1_000, System.TimeSpan.FromMilliseconds(50), OnePerRecord).GetAwaiter().GetResult().Requests;
}
