using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;

namespace CrmRelationship.Scoring.Tests.Properties;

/// <summary>Rules that must hold for every list of contacts an account can have.</summary>
[TestFixture]
public sealed class AccountProperties
{
    [FsCheck.NUnit.Property(Arbitrary = new[] { typeof(Generators) }, MaxTest = 500)]
    public Property Counts_AreConsistent(AccountCase c)
    {
        var account = RelationshipScorer.Default.ScoreAccount(c.Inputs, c.Contacts, c.Now);

        var assessed = c.Contacts.Count(x => x.RecommendedAction is not null);
        var risk = c.Contacts.Count(x => x.RecommendedAction is { } a && Model.IsRisk(a));
        var potential = c.Contacts.Count(x => x.RecommendedAction is { } a && Model.IsPotential(a));

        return (account.RiskContacts + account.PotentialContacts <= account.AssessedContacts).Label("risk + potential <= assessed")
            .And((account.AssessedContacts <= c.Contacts.Count).Label("assessed <= contacts"))
            .And((account.AssessedContacts == assessed && account.RiskContacts == risk && account.PotentialContacts == potential).Label("counts as the model defines them"));
    }

    [FsCheck.NUnit.Property(Arbitrary = new[] { typeof(Generators) }, MaxTest = 500)]
    public Property Outputs_StayInRange(AccountCase c)
    {
        var account = RelationshipScorer.Default.ScoreAccount(c.Inputs, c.Contacts, c.Now);

        return (account.HighPowerCoverage is null or >= 0 and <= 100).Label("coverage 0..100")
            .And((account.HealthScore is null or >= 0 and <= 100).Label("health 0..100"))
            .And((account.ExpectationGap is null or >= -4 and <= 4).Label("gap −4..4"))
            .And((account.ExpectationGapScore is null || (account.ExpectationGapScore is >= 0 and <= 100 && account.ExpectationGapScore % 25 == 0)).Label("gap score 0..100 step 25"))
            .And(((account.ExpectationGap is null) == (account.ExpectationGapScore is null)).Label("gap and score both or neither"))
            .And((account.Explanation.Length is > 0 and <= 2000).Label("explanation 1..2000"))
            .And((!account.Explanation.Contains('<') && !account.Explanation.Contains('>')).Label("explanation without markup"))
            .And(account.Explanation.Split('\n').All(l => l.Length > 0 && l == l.Trim()).Label("explanation: one finding per line"));
    }

    [FsCheck.NUnit.Property(Arbitrary = new[] { typeof(Generators) }, MaxTest = 500)]
    public Property KeyContact_IsAnAssessedContactThatNoAssessedContactPrecedes(AccountCase c)
    {
        var account = RelationshipScorer.Default.ScoreAccount(c.Inputs, c.Contacts, c.Now);
        var assessed = c.Contacts.Where(x => x.RecommendedAction is not null).ToList();

        if (assessed.Count == 0)
        {
            return (account.KeyContactId is null && account.RecommendedAction is null).Label("no assessed contacts: no key contact, no action");
        }

        var key = assessed.FirstOrDefault(x => x.Id == account.KeyContactId);
        return (key is not null).Label("key contact is one of the assessed contacts")
            .And(Prop.Label(() => key is not null && account.RecommendedAction == key.RecommendedAction, "account action is the key contact's"))
            .And(Prop.Label(() => key is not null && assessed.All(x => Model.KeyContactOrder(x, key) >= 0), "no assessed contact strictly precedes it"));
    }

    [FsCheck.NUnit.Property(Arbitrary = new[] { typeof(Generators) }, MaxTest = 500)]
    public Property RollupKeyContactAndRunnerUp_AreTheFirstTwoAssessedContactsInTheModelsOrder(AccountCase c)
    {
        // The runner-up is not an account value, but the explanation names it when its action is the key
        // contact's, so the one-pass rollup must keep exactly the second in the order.
        var rollup = new AccountRollup(ScoringSettings.DefaultHighPowerWeight);
        foreach (var contact in c.Contacts)
        {
            rollup.Add(contact);
        }

        var ranked = c.Contacts.Where(x => x.RecommendedAction is not null).ToList();
        ranked.Sort(Model.KeyContactOrder);

        return (rollup.KeyContact?.Id == ranked.ElementAtOrDefault(0)?.Id).Label("key contact " + rollup.KeyContact?.Id)
            .And((rollup.RunnerUp?.Id == ranked.ElementAtOrDefault(1)?.Id).Label("runner-up " + rollup.RunnerUp?.Id));
    }

    [FsCheck.NUnit.Property(Arbitrary = new[] { typeof(Generators) }, MaxTest = 300)]
    public Property Rollup_DoesNotDependOnTheOrderOfTheContacts(AccountCase c)
    {
        var forward = RelationshipScorer.Default.ScoreAccount(c.Inputs, c.Contacts, c.Now);
        var reversed = RelationshipScorer.Default.ScoreAccount(c.Inputs, c.Contacts.Reverse(), c.Now);

        return (forward.KeyContactId == reversed.KeyContactId).Label("key contact")
            .And((forward.RelationshipLevel == reversed.RelationshipLevel).Label("level"))
            .And((forward.HealthScore == reversed.HealthScore).Label("health"))
            .And((forward.ExpectationGap == reversed.ExpectationGap).Label("gap"))
            .And((forward.HighPowerCoverage == reversed.HighPowerCoverage).Label("coverage"))
            .And((forward.Explanation == reversed.Explanation).Label("explanation"));
    }

    [FsCheck.NUnit.Property(Arbitrary = new[] { typeof(Generators) }, MaxTest = 500)]
    public Property Level_IsTheWeightedLowerMedian(AccountCase c)
    {
        var account = RelationshipScorer.Default.ScoreAccount(c.Inputs, c.Contacts, c.Now);
        var withLevel = c.Contacts.Where(x => x.RelationshipLevel is not null).ToList();
        int Weight(AccountContact x) => x.OrganizationalPower == OrganizationalPower.High ? 3 : 1;
        var total = withLevel.Sum(Weight);

        // With no assessed contact every account value is emptied (relationship-model.md §7).
        var anyAssessed = c.Contacts.Any(x => x.RecommendedAction is not null);
        RelationshipLevel? expected = null;
        foreach (var level in anyAssessed ? Model.Levels : Enumerable.Empty<RelationshipLevel>())
        {
            var atOrBelow = withLevel.Where(x => Model.Rung(x.RelationshipLevel!.Value) <= Model.Rung(level)).Sum(Weight);
            if (total > 0 && 2 * atOrBelow >= total)
            {
                expected = level;
                break;
            }
        }

        return (account.RelationshipLevel == expected).Label("level " + account.RelationshipLevel + " expected " + expected);
    }
}
