using System;
using System.Linq;
using NUnit.Framework;

namespace CrmRelationship.Scoring.Tests;

/// <summary>relationship-model.md §3: the level is the highest rung reached without skipping one.</summary>
[TestFixture]
public sealed class LadderTests
{
    // Observed rungs as "1,2,3" (1 = Buys from us … 5 = Values us across their business).
    [TestCase("1", "Transactional")]
    [TestCase("1,2", "Service")]
    [TestCase("1,2,3", "Partner")]
    [TestCase("1,2,3,4", "Advisor")]
    [TestCase("1,2,3,4,5", "Inner Circle")]
    [TestCase("2", "Service")] // every rung from 2 up to k: rung 1 itself is not required
    [TestCase("2,3,4,5", "Inner Circle")]
    [TestCase("5,4,3,2,1", "Inner Circle")] // order of observation does not matter
    [TestCase("1,1,2,2", "Service")] // a behaviour observed twice counts once
    public void ContiguousRungs_LevelIsTheHighestRung(string rungs, string expectedLevel)
    {
        var score = Build.Score(Build.Contact(behaviours: Behaviours(rungs)));

        Assert.That(score.RelationshipLevel, Is.Not.Null);
        Assert.That(Labels.Of(score.RelationshipLevel!.Value), Is.EqualTo(expectedLevel));
    }

    [TestCase("1,2,4", "Service")]
    [TestCase("1,3", "Transactional")]
    [TestCase("1,2,3,5", "Partner")]
    [TestCase("1,2,4,5", "Service")]
    [TestCase("3", "Transactional")] // a behaviour only above rung 1 still puts the relationship on rung 1
    [TestCase("4", "Transactional")]
    [TestCase("5", "Transactional")]
    [TestCase("3,4,5", "Transactional")]
    public void SkippedRung_LevelIsHeldBelowIt(string rungs, string expectedLevel)
    {
        var score = Build.Score(Build.Contact(behaviours: Behaviours(rungs)));

        Assert.That(score.RelationshipLevel, Is.Not.Null);
        Assert.That(Labels.Of(score.RelationshipLevel!.Value), Is.EqualTo(expectedLevel));
    }

    [Test]
    public void ConsultsWithoutCollaborates_ExplanationHasTheModelsSentence()
    {
        var inputs = Build.Contact(behaviours: new[]
        {
            RelationshipBehaviour.BuysFromUs,
            RelationshipBehaviour.ReliesOnOurSupport,
            RelationshipBehaviour.ConsultsUsBeforeDecisions,
        });

        var score = Build.Score(inputs);

        Assert.That(score.RelationshipLevel, Is.EqualTo(RelationshipLevel.Service));
        Assert.That(
            score.Explanation,
            Does.Contain("Consults us before decisions is observed, but Collaborates with us closely is not: the level stays at Service"));
    }

    [Test]
    public void OnlyCollaborates_ExplanationSaysRelianceIsMissingAndLevelStaysTransactional()
    {
        var score = Build.Score(Build.Contact(behaviours: new[] { RelationshipBehaviour.CollaboratesWithUsClosely }));

        Assert.That(score.RelationshipLevel, Is.EqualTo(RelationshipLevel.Transactional));
        Assert.That(
            score.Explanation,
            Does.Contain("Collaborates with us closely is observed, but Relies on our support is not: the level stays at Transactional"));
    }

    [Test]
    public void TwoBehavioursAboveAMissingRung_ExplanationNamesBothAndTheMissingRung()
    {
        var inputs = Build.Contact(behaviours: new[]
        {
            RelationshipBehaviour.BuysFromUs,
            RelationshipBehaviour.ReliesOnOurSupport,
            RelationshipBehaviour.ConsultsUsBeforeDecisions,
            RelationshipBehaviour.ValuesUsAcrossTheirBusiness,
        });

        var score = Build.Score(inputs);

        Assert.That(score.RelationshipLevel, Is.EqualTo(RelationshipLevel.Service));
        var line = score.Explanation.Split('\n').Single(l => l.Contains("but Collaborates with us closely is not", StringComparison.Ordinal));
        Assert.That(line, Does.Contain("Consults us before decisions"));
        Assert.That(line, Does.Contain("Values us across their business"));
        Assert.That(line, Does.EndWith("the level stays at Service."));
    }

    [Test]
    public void ContiguousLadder_ExplanationSaysNothingIsHeldBack()
    {
        var score = Build.Score(Build.AtLevel(RelationshipLevel.Advisor));

        Assert.That(score.Explanation, Does.Not.Contain("the level stays at"));
        Assert.That(score.Explanation, Does.Contain("Consults us before decisions"));
    }

    [Test]
    public void NoBehaviours_NoLevel()
    {
        var score = Build.Score(Build.Contact(
            RelationshipStatus.Yes, OrganizationalPower.High, Perception.Advocate, ActivityLevel.Active, view: RelationshipLevel.Partner));

        Assert.That(score.RelationshipLevel, Is.Null);
        Assert.That(score.ExpectationGap, Is.Null);
    }

    [Test]
    public void LadderHelpers_MatchTheDocumentedRungs()
    {
        for (var rung = 1; rung <= 5; rung++)
        {
            Assert.That(Ladder.Rung(Model.LevelAt(rung)), Is.EqualTo(rung));
            Assert.That(Ladder.LevelOf(rung), Is.EqualTo(Model.LevelAt(rung)));
            Assert.That(Ladder.BehaviourOf(rung), Is.EqualTo(Model.Behaviours[rung - 1]));
        }
    }

    private static RelationshipBehaviour[] Behaviours(string rungs) =>
        rungs.Split(',').Select(r => Model.Behaviours[int.Parse(r, System.Globalization.CultureInfo.InvariantCulture) - 1]).ToArray();
}
