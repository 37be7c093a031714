using System.Linq;
using NUnit.Framework;
using L = CrmRelationship.Scoring.RelationshipLevel;
using Risk = CrmRelationship.Scoring.RiskBehaviour;

namespace CrmRelationship.Scoring.Tests;

/// <summary>
/// relationship-model.md §5: the weighted mean of the known parts (ladder 40, stance 30,
/// alignment 20, risk 10), rounded half away from zero. Expected values are worked by hand.
/// </summary>
[TestFixture]
public sealed class HealthTests
{
    [TestCase(L.Transactional, 20)]
    [TestCase(L.Service, 40)]
    [TestCase(L.Partner, 60)]
    [TestCase(L.Advisor, 80)]
    [TestCase(L.InnerCircle, 100)]
    public void LadderPart_HasTheDocumentedValue(L level, int expected)
    {
        Assert.That(Health.LadderValue(level), Is.EqualTo(expected));
    }

    [TestCase(Perception.Advocate, RelationshipStatus.Yes, 100)]
    [TestCase(Perception.Advocate, RelationshipStatus.No, 70)]
    [TestCase(Perception.Detractor, RelationshipStatus.Yes, 40)]
    [TestCase(Perception.Detractor, RelationshipStatus.No, 10)]
    public void StancePart_HasTheDocumentedValue(Perception perception, RelationshipStatus relationship, int expected)
    {
        Assert.That(Health.StanceValue(perception, relationship), Is.EqualTo(expected));
    }

    [TestCase(4, 0)]
    [TestCase(3, 25)]
    [TestCase(2, 50)]
    [TestCase(1, 75)]
    [TestCase(0, 100)]
    [TestCase(-1, 100)]
    [TestCase(-4, 100)]
    public void AlignmentPart_IsHundredMinusGapScoreOnlyWhenOverestimated(int gap, int expected)
    {
        Assert.That(Health.AlignmentValue(gap), Is.EqualTo(expected));
    }

    // Each ladder level, end to end: level L (w40) + Advocate with relationship 100 (w30) + no risk 100 (w10):
    // (40·L + 3000 + 1000) / 80.
    [TestCase(L.Transactional, 60)] // (800 + 4000) / 80 = 60
    [TestCase(L.Service, 70)] // (1600 + 4000) / 80 = 70
    [TestCase(L.Partner, 80)] // (2400 + 4000) / 80 = 80
    [TestCase(L.Advisor, 90)] // (3200 + 4000) / 80 = 90
    [TestCase(L.InnerCircle, 100)] // (4000 + 4000) / 80 = 100
    public void LadderAndStanceKnown_HealthIsTheirWeightedMeanWithRisk(L level, int expected)
    {
        var score = Build.Score(Build.AtLevel(level, perception: Perception.Advocate, relationship: RelationshipStatus.Yes));

        Assert.That(score.HealthScore, Is.EqualTo(expected));
    }

    // Each stance, end to end: Inner Circle 100 (w40) + stance S (w30) + no risk 100 (w10): (5000 + 30·S) / 80.
    [TestCase(Perception.Advocate, RelationshipStatus.Yes, 100)] // (5000 + 3000) / 80 = 100
    [TestCase(Perception.Advocate, RelationshipStatus.No, 89)] // (5000 + 2100) / 80 = 88.75 → 89
    [TestCase(Perception.Detractor, RelationshipStatus.Yes, 78)] // (5000 + 1200) / 80 = 77.5 → 78
    [TestCase(Perception.Detractor, RelationshipStatus.No, 66)] // (5000 + 300) / 80 = 66.25 → 66
    public void EachStance_HealthUsesItsValue(Perception perception, RelationshipStatus relationship, int expected)
    {
        var score = Build.Score(Build.AtLevel(L.InnerCircle, perception: perception, relationship: relationship));

        Assert.That(score.HealthScore, Is.EqualTo(expected));
    }

    // Risk part, end to end: Inner Circle 100 (w40) + Advocate/Yes 100 (w30) + aligned 100 (w20) + risk R (w10):
    // (9000 + 10·R) / 100.
    [TestCase(new Risk[0], 100)] // R = 100 → 100
    [TestCase(new[] { Risk.Criticism }, 98)] // R = 75 → 97.5 → 98
    [TestCase(new[] { Risk.Stonewalling }, 98)]
    [TestCase(new[] { Risk.Contempt }, 95)] // Contempt counts twice: R = 50 → 95
    [TestCase(new[] { Risk.Criticism, Risk.Defensiveness }, 95)] // R = 50 → 95
    [TestCase(new[] { Risk.Contempt, Risk.Criticism }, 93)] // R = 25 → 92.5 → 93 (half away from zero, not to even)
    [TestCase(new[] { Risk.Criticism, Risk.Defensiveness, Risk.Stonewalling }, 93)] // R = 25 → 93
    [TestCase(new[] { Risk.Contempt, Risk.Criticism, Risk.Defensiveness }, 90)] // R = 0 → 90
    [TestCase(new[] { Risk.Contempt, Risk.Criticism, Risk.Defensiveness, Risk.Stonewalling }, 90)] // 100 − 125 floored at 0 → 90
    [TestCase(new[] { Risk.Criticism, Risk.Criticism }, 98)] // a multi-select: the same behaviour twice counts once
    public void RiskBehaviours_RiskPartIs100Minus25EachContemptTwiceFlooredAt0(Risk[] risks, int expected)
    {
        var score = Build.Score(Build.AtLevel(L.InnerCircle, view: L.InnerCircle, perception: Perception.Advocate, relationship: RelationshipStatus.Yes, risks: risks));

        Assert.That(score.HealthScore, Is.EqualTo(expected));
    }

    [Test]
    public void AllFourRisks_RiskPartFloorsAtZeroNotNegative()
    {
        // Transactional 20 (w40), Detractor without relationship 10 (w30), risk max(0, 100 − 125) = 0 (w10):
        // (800 + 300 + 0) / 80 = 13.75 → 14. Without the floor it would be (800 + 300 − 250) / 80 = 10.6 → 11.
        var inputs = Build.AtLevel(L.Transactional, perception: Perception.Detractor, relationship: RelationshipStatus.No, risks: Model.Risks);

        var score = Build.Score(inputs);

        Assert.That(score.HealthScore, Is.EqualTo(14));
    }

    [Test]
    public void LadderAndStanceOnly_WeightsRenormalisedOver80()
    {
        // Partner 60 (w40) + Detractor without relationship 10 (w30) + no risk 100 (w10), no alignment:
        // (2400 + 300 + 1000) / 80 = 46.25 → 46.
        var score = Build.Score(Build.AtLevel(L.Partner, perception: Perception.Detractor, relationship: RelationshipStatus.No));

        Assert.That(score.HealthScore, Is.EqualTo(46));
    }

    [Test]
    public void LadderAndAlignmentOnly_WeightsRenormalisedOver70()
    {
        // Advisor 80 (w40) + gap +2 → 100 − 50 = 50 (w20) + no risk 100 (w10), no stance:
        // (3200 + 1000 + 1000) / 70 = 74.29 → 74.
        var score = Build.Score(Build.AtLevel(L.Advisor, view: L.Service));

        Assert.That(score.HealthScore, Is.EqualTo(74));
    }

    [Test]
    public void LadderAndAlignmentOnly_EveryGapOverestimatedOrNot()
    {
        // Inner Circle 100 (w40) + alignment A (w20) + no risk 100 (w10): (5000 + 20·A) / 70.
        // gap +4 → A = 0: 5000 / 70 = 71.43 → 71; gap 0 → A = 100: 7000 / 70 = 100.
        Assert.That(Build.Score(Build.AtLevel(L.InnerCircle, view: L.Transactional)).HealthScore, Is.EqualTo(71));
        Assert.That(Build.Score(Build.AtLevel(L.InnerCircle, view: L.InnerCircle)).HealthScore, Is.EqualTo(100));

        // Underestimated counts as 100: Transactional 20 (w40) + 100 (w20) + 100 (w10): (800 + 2000 + 1000) / 70 = 54.29 → 54.
        Assert.That(Build.Score(Build.AtLevel(L.Transactional, view: L.InnerCircle)).HealthScore, Is.EqualTo(54));
        Assert.That(Build.Score(Build.AtLevel(L.Transactional, view: L.Transactional)).HealthScore, Is.EqualTo(54));
    }

    [Test]
    public void AllPartsKnown_WeightsOver100AndHalfRoundsAwayFromZero()
    {
        // Service 40 (w40) + Advocate without relationship 70 (w30) + gap −2 → 100 (w20) + Criticism 75 (w10):
        // (1600 + 2100 + 2000 + 750) / 100 = 64.5 → 65 (to-even would give 64).
        var inputs = Build.AtLevel(L.Service, view: L.Advisor, perception: Perception.Advocate, relationship: RelationshipStatus.No, risks: new[] { Risk.Criticism });

        var score = Build.Score(inputs);

        Assert.That(score.HealthScore, Is.EqualTo(65));
    }

    [Test]
    public void ExactHalf_RoundsAwayFromZero()
    {
        // Transactional 20 (w40) + Advocate without relationship 70 (w30) + Contempt (counts twice) 50 (w10):
        // (800 + 2100 + 500) / 80 = 42.5 → 43. To-even would give 42; Contempt counted once would give 45.6 → 46.
        var inputs = Build.AtLevel(L.Transactional, perception: Perception.Advocate, relationship: RelationshipStatus.No, risks: new[] { Risk.Contempt });

        var score = Build.Score(inputs);

        Assert.That(score.HealthScore, Is.EqualTo(43));
    }

    [Test]
    public void OnlyLadderKnown_NoHealth()
    {
        var score = Build.Score(Build.AtLevel(L.InnerCircle));

        Assert.That(score.HealthScore, Is.Null);
    }

    [Test]
    public void OnlyStanceKnown_NoHealth()
    {
        var score = Build.Score(Build.Contact(RelationshipStatus.Yes, OrganizationalPower.High, Perception.Advocate, ActivityLevel.Active, view: L.Partner));

        Assert.That(score.HealthScore, Is.Null);
    }

    [Test]
    public void PerceptionWithoutRelationship_StanceUnknownSoNoHealth()
    {
        var score = Build.Score(Build.AtLevel(L.Partner, perception: Perception.Advocate));

        Assert.That(score.HealthScore, Is.Null);
    }

    [Test]
    public void NothingKnownButRiskBehaviours_NoHealth()
    {
        var score = Build.Score(Build.Contact(risks: Model.Risks.ToArray()));

        Assert.That(score.HealthScore, Is.Null);
    }

    [Test]
    public void HealthKnown_ExplanationShowsEveryPart()
    {
        var inputs = Build.AtLevel(L.Service, view: L.Advisor, perception: Perception.Advocate, relationship: RelationshipStatus.No, risks: new[] { Risk.Criticism });

        var score = Build.Score(inputs);

        var line = System.Array.Find(score.Explanation.Split('\n'), l => l.Contains("health", System.StringComparison.OrdinalIgnoreCase));
        Assert.That(line, Is.Not.Null);
        Assert.That(line, Does.Contain("65").And.Contain("40").And.Contain("70").And.Contain("100").And.Contain("75"));
        // Each part with its own weight, so a value can only match where it belongs (ladder 40 = Service × 20).
        Assert.That(
            line,
            Does.Contain("health: 65,").And.Contain("ladder 40 (weight 40)").And.Contain("stance 70 (weight 30)")
                .And.Contain("alignment 100 (weight 20)").And.Contain("risk behaviours 75 (weight 10)"));
    }
}
