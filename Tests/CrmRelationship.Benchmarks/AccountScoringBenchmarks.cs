using System;
using BenchmarkDotNet.Attributes;
using CrmRelationship.Scoring;

namespace CrmRelationship.Benchmarks;

/// <summary>(2) <see cref="RelationshipScorer.ScoreAccount(AccountInputs, System.Collections.Generic.IEnumerable{AccountContact}, System.DateTime)"/> for an account of 10, 1,000 and 100,000 active contacts.</summary>
[MemoryDiagnoser]
public class AccountScoringBenchmarks
{
    private static readonly DateTime Now = new(2026, 11, 24);

    private AccountContact[] contacts = Array.Empty<AccountContact>();
    private AccountInputs account = AccountInputs.Empty;

    [Params(10, 1_000, 100_000)]
    public int Contacts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var inputs = SampleInputs.Contacts(ContactProfile.Mixed, Contacts, seed: 11);
        contacts = new AccountContact[Contacts];
        for (var i = 0; i < inputs.Length; i++)
        {
            var score = RelationshipScorer.Default.ScoreContact(inputs[i], null, Now);
            contacts[i] = AccountContact.From(Guid.NewGuid().ToString(), "Contact " + i, new DateTime(2024, 1, 1).AddMinutes(i), inputs[i], score);
        }

        account = new AccountInputs { CustomerViewLevel = RelationshipLevel.Partner, CustomerViewDate = new DateTime(2026, 6, 30) };
    }

    [Benchmark]
    // Returns an int, not the AccountScore: BenchmarkDotNet's generated code names the return type,
    // and without this project's extern alias that name is ambiguous with the plug-in assembly's copy.
    public int ScoreAccount() => RelationshipScorer.Default.ScoreAccount(account, contacts, Now).AssessedContacts;
}
