using System;
using BenchmarkDotNet.Attributes;
using CrmRelationship.Scoring;

namespace CrmRelationship.Benchmarks;

/// <summary>What kind of contacts a benchmark scores.</summary>
public enum ContactProfile
{
    /// <summary>A realistic mix: some not assessed, partial ladders, skipped rungs, risks, views.</summary>
    Mixed,

    /// <summary>Every input set, a skipped rung and two risks: the longest explanation.</summary>
    FullyAssessed,

    /// <summary>Nothing recorded: the shortest path.</summary>
    NotAssessed,
}

/// <summary>
/// (1) Contact scoring per contact, the operation crmrel runs a million times (targets: under 2 µs and
/// under 1 KB allocated per contact). Each invocation scores a batch of prepared inputs, so the reported
/// time and allocation are per contact. Three ways a caller uses a score:
/// <list type="bullet">
/// <item><c>ScoreContact</c>: the decisions only (recommended action, level, gap, health, …).</item>
/// <item><c>ScoreAndStreamExplanation</c>: plus the explanation written piece by piece to a sink, as the
/// offline scorer writes it into its CSV (the sink here counts characters and keeps nothing).</item>
/// <item><c>ScoreAndBuildExplanationString</c>: plus the explanation as a string, as a plug-in sets it on
/// a column (the string itself is then part of the allocation).</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
public class ContactScoringBenchmarks
{
    private const int Batch = 1000;
    private static readonly DateTime Now = new(2026, 11, 24);

    private readonly CountingSink sink = new();
    private ContactInputs[] inputs = Array.Empty<ContactInputs>();
    private RelationshipScorer scorer = RelationshipScorer.Default;

    [ParamsAllValues]
    public ContactProfile Profile { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        scorer = RelationshipScorer.Default;
        inputs = SampleInputs.Contacts(Profile, Batch, seed: 7);
    }

    [Benchmark(OperationsPerInvoke = Batch, Baseline = true)]
    public int ScoreContact()
    {
        var total = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            total += scorer.ScoreContact(inputs[i], null, Now).HealthScore ?? 0;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int ScoreAndStreamExplanation()
    {
        sink.Characters = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            scorer.ScoreContact(inputs[i], null, Now).WriteExplanation(sink);
        }

        return sink.Characters;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int ScoreAndBuildExplanationString()
    {
        var total = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            total += scorer.ScoreContact(inputs[i], null, Now).Explanation.Length;
        }

        return total;
    }

    /// <summary>Counts what it is given and keeps nothing.</summary>
    private sealed class CountingSink : IExplanationSink
    {
        public int Characters { get; set; }

        public void Append(string text) => Characters += text.Length;

        public void Append(char character) => Characters++;
    }
}
