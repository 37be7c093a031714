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
/// (1) <see cref="RelationshipScorer.ScoreContact"/> per contact, the operation crmrel runs a million
/// times (targets: under 2 µs and under 1 KB allocated per contact). Each invocation scores a batch of
/// prepared inputs, so the reported time and allocation are per contact.
/// </summary>
[MemoryDiagnoser]
public class ContactScoringBenchmarks
{
    private const int Batch = 1000;
    private static readonly DateTime Now = new(2026, 11, 24);

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

    [Benchmark(OperationsPerInvoke = Batch)]
    public int ScoreContact()
    {
        var total = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            total += scorer.ScoreContact(inputs[i], null, Now).Explanation.Length;
        }

        return total;
    }
}
