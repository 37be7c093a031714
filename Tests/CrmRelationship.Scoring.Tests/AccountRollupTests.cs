using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using L = CrmRelationship.Scoring.RelationshipLevel;
using Power = CrmRelationship.Scoring.OrganizationalPower;

namespace CrmRelationship.Scoring.Tests;

/// <summary>
/// relationship-model.md §7: counts, High-power coverage, level (weighted lower median), health
/// (weighted mean), gap and next feedback due of an account. A High-power contact weighs 3, others 1.
/// </summary>
[TestFixture]
public sealed class AccountRollupTests
{
    [Test]
    public void MixedContacts_CountsFollowTheActionKinds()
    {
        var account = Build.ScoreAccount(
            Build.Member("1", RecommendedAction.HighRiskImprovePerception),
            Build.Member("2", RecommendedAction.ModerateRiskMonitorPerception),
            Build.Member("3", RecommendedAction.ModerateRiskImprovePerception),
            Build.Member("4", RecommendedAction.HighPotentialLeverage),
            Build.Member("5", RecommendedAction.MedPotentialMakeAHero),
            Build.Member("6", RecommendedAction.LowPotentialActivate), // "Low potential" is neither risk nor potential
            Build.Member("7", RecommendedAction.LowPotentialMakeAHero),
            Build.Member("8", RecommendedAction.LowRiskMoveOn), // "Low risk" is not a risk action
            Build.Member("9", action: null, Power.High, level: L.Partner));

        Assert.That(account.AssessedContacts, Is.EqualTo(8));
        Assert.That(account.RiskContacts, Is.EqualTo(3));
        Assert.That(account.PotentialContacts, Is.EqualTo(2));
    }

    // High-power contacts with Relationship = Yes out of all High-power contacts, rounded half away from zero.
    [TestCase(1, 3, 33)] // 33.33
    [TestCase(2, 3, 67)] // 66.67
    [TestCase(1, 8, 13)] // 12.5 → 13 (to-even would give 12)
    [TestCase(3, 8, 38)] // 37.5 → 38
    [TestCase(0, 2, 0)]
    [TestCase(4, 4, 100)]
    public void HighPowerContacts_CoverageIsRoundedPercentageWithRelationshipYes(int withYes, int highPower, int expected)
    {
        var contacts = new List<AccountContact>();
        for (var i = 0; i < highPower; i++)
        {
            // The rest alternate between No and not recorded: neither counts as Yes.
            var relationship = i < withYes ? RelationshipStatus.Yes : (i % 2 == 0 ? RelationshipStatus.No : (RelationshipStatus?)null);
            contacts.Add(Build.Member("h" + i, RecommendedAction.LowRiskMoveOn, Power.High, relationship));
        }

        // Low-power and unknown-power contacts do not count, even with Relationship = Yes.
        contacts.Add(Build.Member("low", RecommendedAction.LowRiskMoveOn, Power.Low, RelationshipStatus.Yes));
        contacts.Add(Build.Member("unknown", action: null, power: null, RelationshipStatus.Yes));

        var account = Build.ScoreAccount(contacts);

        Assert.That(account.HighPowerCoverage, Is.EqualTo(expected));
    }

    [Test]
    public void HighPowerContactsNotYetAssessed_StillCountForCoverage()
    {
        var account = Build.ScoreAccount(
            Build.Member("1", action: null, Power.High, RelationshipStatus.Yes),
            Build.Member("2", RecommendedAction.HighRiskImprovePerception, Power.High, RelationshipStatus.No));

        Assert.That(account.HighPowerCoverage, Is.EqualTo(50));
    }

    [Test]
    public void NoHighPowerContacts_CoverageEmpty()
    {
        var account = Build.ScoreAccount(
            Build.Member("1", RecommendedAction.LowRiskMoveOn, Power.Low, RelationshipStatus.Yes),
            Build.Member("2", RecommendedAction.LowRiskMoveOn, power: null, RelationshipStatus.Yes));

        Assert.That(account.HighPowerCoverage, Is.Null);
    }

    // Contacts as "Level/Power"; the weights are 1 (Low or unknown) and 3 (High). The lowest level L whose
    // weight at or below L is at least half the total weight.
    [TestCase("Transactional/Low; Partner/High", "Partner", TestName = "WeightedLowerMedian_Transactional w1, Partner w3 (High): 1 of 4 < half → Partner")]
    [TestCase("Transactional/Low; Partner/Low", "Transactional", TestName = "WeightedLowerMedian_Transactional w1, Partner w1: 1 of 2 = half → Transactional (lower median)")]
    [TestCase("Transactional/High; Inner Circle/High", "Transactional", TestName = "WeightedLowerMedian_Transactional w3 (High), Inner Circle w3 (High): 3 of 6 = half → Transactional")]
    [TestCase("Transactional/High; Inner Circle/Low; Inner Circle/Low", "Transactional", TestName = "WeightedLowerMedian_Transactional w3 (High), Inner Circle w1, Inner Circle w1: 3 of 5 ≥ half → Transactional")]
    [TestCase("Service/Low; Service/Low; Advisor/High", "Advisor", TestName = "WeightedLowerMedian_Service w1, Service w1, Advisor w3 (High): 2 of 5 < half → Advisor")]
    [TestCase("Transactional/Low; Partner/Low; Inner Circle/Low", "Partner", TestName = "WeightedLowerMedian_Transactional w1, Partner w1, Inner Circle w1: 1 of 3 < half, 2 of 3 ≥ half → Partner")]
    [TestCase("Partner/High; Partner/High; Service/Low; Transactional/Low", "Partner", TestName = "WeightedLowerMedian_Transactional w1, Service w1, Partner w3+w3 (High): 2 of 8 < half → Partner")]
    [TestCase("Advisor/Unknown", "Advisor", TestName = "WeightedLowerMedian_Advisor w1 (power unknown) alone → Advisor")]
    [TestCase("Inner Circle/Low; Service/High; Service/Low; Advisor/Low", "Service", TestName = "WeightedLowerMedian_Service w3 (High) + w1, Advisor w1, Inner Circle w1: 4 of 6 ≥ half → Service")]
    public void ContactsWithLevels_AccountLevelIsTheWeightedLowerMedian(string contacts, string expectedLevel)
    {
        var members = Parse(contacts).ToList();
        members.Add(Build.Member("no-level", RecommendedAction.HighRiskImprovePerception, Power.High)); // contacts without a level are left out

        var account = Build.ScoreAccount(members);

        Assert.That(account.RelationshipLevel, Is.Not.Null);
        Assert.That(Labels.Of(account.RelationshipLevel!.Value), Is.EqualTo(expectedLevel));
    }

    [Test]
    public void NoContactHasALevel_AccountLevelEmpty()
    {
        var account = Build.ScoreAccount(Build.Member("1", RecommendedAction.LowRiskMoveOn, Power.High));

        Assert.That(account.RelationshipLevel, Is.Null);
    }

    [Test]
    public void ContactsWithHealth_AccountHealthIsTheWeightedMeanRounded()
    {
        // 40 (High, w3) and 90 (Low, w1): (120 + 90) / 4 = 52.5 → 53; the contact without health is left out.
        var account = Build.ScoreAccount(
            Build.Member("1", RecommendedAction.LowRiskMoveOn, Power.High, health: 40),
            Build.Member("2", RecommendedAction.LowRiskMoveOn, Power.Low, health: 90),
            Build.Member("3", RecommendedAction.LowRiskMoveOn, Power.High, health: null));

        Assert.That(account.HealthScore, Is.EqualTo(53));
    }

    [Test]
    public void ContactsWithHealthUnweightedWouldDiffer_HighPowerWeighsThree()
    {
        // 10 (High, w3), 70 (Low), 80 (unknown power): (30 + 70 + 80) / 5 = 36; unweighted it would be 53.
        var account = Build.ScoreAccount(
            Build.Member("1", RecommendedAction.LowRiskMoveOn, health: 10, power: Power.High),
            Build.Member("2", RecommendedAction.LowRiskMoveOn, health: 70, power: Power.Low),
            Build.Member("3", RecommendedAction.LowRiskMoveOn, health: 80, power: null));

        Assert.That(account.HealthScore, Is.EqualTo(36));
    }

    [Test]
    public void NoContactHasHealth_AccountHealthEmpty()
    {
        var account = Build.ScoreAccount(Build.Member("1", RecommendedAction.LowRiskMoveOn, Power.High, level: L.Partner));

        Assert.That(account.HealthScore, Is.Null);
    }

    [Test]
    public void AccountHasItsOwnView_GapIsAccountLevelMinusViewNotTheContactsMean()
    {
        // Account level: one Partner contact → Partner. Own view Service: gap +1. The contact's own gap (−3) is not used.
        var inputs = new AccountInputs { CustomerViewLevel = L.Service };

        var account = Build.ScoreAccount(new[] { Build.Member("1", RecommendedAction.LowRiskMoveOn, level: L.Partner, gap: -3) }, inputs);

        Assert.That(account.ExpectationGap, Is.EqualTo(1));
        Assert.That(account.ExpectationGapScore, Is.EqualTo(25));
        Assert.That(account.ExpectationAlignment, Is.EqualTo(ExpectationAlignment.Overestimated));
    }

    [TestCase(L.Transactional, L.InnerCircle, -4, ExpectationAlignment.Underestimated, 100)]
    [TestCase(L.Advisor, L.Advisor, 0, ExpectationAlignment.Aligned, 0)]
    [TestCase(L.InnerCircle, L.Service, 3, ExpectationAlignment.Overestimated, 75)]
    public void AccountHasItsOwnView_GapFollowsTheContactRules(L accountLevel, L view, int gap, ExpectationAlignment alignment, int gapScore)
    {
        var account = Build.ScoreAccount(new[] { Build.Member("1", RecommendedAction.LowRiskMoveOn, level: accountLevel) }, new AccountInputs { CustomerViewLevel = view });

        Assert.That(account.ExpectationGap, Is.EqualTo(gap));
        Assert.That(account.ExpectationAlignment, Is.EqualTo(alignment));
        Assert.That(account.ExpectationGapScore, Is.EqualTo(gapScore));
    }

    [Test]
    public void AccountHasItsOwnViewButNoLevel_NoGapAndNoFallBackToContactsGaps()
    {
        // Stored contact gaps without a level cannot occur after a normal save; they are here to prove there is no fall-back.
        var inputs = new AccountInputs { CustomerViewLevel = L.Advisor };

        var account = Build.ScoreAccount(new[] { Build.Member("1", RecommendedAction.LowRiskMoveOn, gap: 2), Build.Member("2", gap: 1) }, inputs);

        Assert.That(account.RelationshipLevel, Is.Null);
        Assert.That(account.ExpectationGap, Is.Null);
        Assert.That(account.ExpectationGapScore, Is.Null);
        Assert.That(account.ExpectationAlignment, Is.Null);
    }

    // Contacts' gaps as "gap/Power"; no account view: the weighted mean, rounded half away from zero.
    [TestCase("-1/Low; 0/Low", -1, TestName = "ContactsGapMean_−1 w1, 0 w1: −0.5 → −1 (away from zero)")]
    [TestCase("1/Low; 0/Low", 1, TestName = "ContactsGapMean_+1 w1, 0 w1: +0.5 → +1")]
    [TestCase("-3/Low; -2/Low", -3, TestName = "ContactsGapMean_−3 w1, −2 w1: −2.5 → −3 (to-even would give −2)")]
    [TestCase("2/High; -2/Low", 1, TestName = "ContactsGapMean_+2 w3 (High), −2 w1: 4/4 → +1")]
    [TestCase("-2/High; 1/Low; 1/Low", -1, TestName = "ContactsGapMean_−2 w3 (High), +1 w1, +1 w1: −4/5 = −0.8 → −1")]
    [TestCase("1/Low; -1/Low", 0, TestName = "ContactsGapMean_+1 w1, −1 w1: 0 → 0 (Aligned)")]
    [TestCase("4/High; 4/Low", 4, TestName = "ContactsGapMean_+4 w3, +4 w1 → +4")]
    public void NoAccountView_GapIsTheContactsWeightedMeanRounded(string gaps, int expected)
    {
        var members = gaps.Split(';').Select((g, i) =>
        {
            var parts = g.Trim().Split('/');
            return Build.Member("c" + i, RecommendedAction.LowRiskMoveOn, parts[1] == "High" ? Power.High : Power.Low, gap: int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture));
        }).ToList();
        members.Add(Build.Member("no-gap", RecommendedAction.LowRiskMoveOn, Power.High, level: L.Advisor)); // no gap: left out

        var account = Build.ScoreAccount(members);

        Assert.That(account.ExpectationGap, Is.EqualTo(expected));
        Assert.That(account.ExpectationGapScore, Is.EqualTo(25 * Math.Abs(expected)));
        Assert.That(
            account.ExpectationAlignment,
            Is.EqualTo(expected > 0 ? ExpectationAlignment.Overestimated : expected < 0 ? ExpectationAlignment.Underestimated : ExpectationAlignment.Aligned));
    }

    [Test]
    public void NoAccountViewAndNoContactGaps_NoGap()
    {
        var account = Build.ScoreAccount(Build.Member("1", RecommendedAction.LowRiskMoveOn, level: L.Partner));

        Assert.That(account.ExpectationGap, Is.Null);
        Assert.That(account.ExpectationGapScore, Is.Null);
        Assert.That(account.ExpectationAlignment, Is.Null);
    }

    [TestCase("2026-01-31", FeedbackCadence.Quarterly, "2026-04-30")]
    [TestCase("2025-08-31", FeedbackCadence.HalfYearly, "2026-02-28")]
    [TestCase("2024-02-29", FeedbackCadence.Yearly, "2025-02-28")]
    [TestCase("2026-01-31", null, "2026-04-30")]
    public void AccountCaptureDate_NextFeedbackDueFromTheAccountsOwnDateAndCadence(string captured, FeedbackCadence? cadence, string expected)
    {
        var inputs = new AccountInputs { CustomerViewLevel = L.Partner, CustomerViewDate = Build.Day(captured), FeedbackCadence = cadence };

        var account = Build.ScoreAccount(new[] { Build.Member("1", RecommendedAction.LowRiskMoveOn, level: L.Partner) }, inputs);

        Assert.That(account.NextFeedbackDue, Is.EqualTo(Build.Day(expected)));
    }

    [Test]
    public void NoAccountCaptureDateButAnAccountLevel_NextFeedbackDueToday()
    {
        var account = Build.ScoreAccount(new[] { Build.Member("1", RecommendedAction.LowRiskMoveOn, level: L.Service) }, new AccountInputs { FeedbackCadence = FeedbackCadence.Yearly });

        Assert.That(account.NextFeedbackDue, Is.EqualTo(Build.Now.Date));
    }

    [Test]
    public void NoAccountCaptureDateAndNoAccountLevel_NoNextFeedbackDue()
    {
        // A contact's own capture date does not stand in for the account's.
        var account = Build.ScoreAccount(Build.Member("1", RecommendedAction.HighRiskImprovePerception, Power.High, health: 40));

        Assert.That(account.NextFeedbackDue, Is.Null);
    }

    [Test]
    public void NoContactsAtAll_EverythingEmptiedAndCountsZero()
    {
        var account = Build.ScoreAccount(Array.Empty<AccountContact>());

        AssertEmptied(account);
        Assert.That(account.HighPowerCoverage, Is.Null);
        Assert.That(account.NextFeedbackDue, Is.Null);
        Assert.That(account.Explanation, Is.Not.Empty);
    }

    [Test]
    public void NoContactsButAnAccountView_EveryValueEmptiedEvenTheAccountsOwnFeedbackDue()
    {
        // relationship-model.md §7, as written: an account with no assessed contacts has its values emptied,
        // including the next feedback due that its own capture date would give.
        var inputs = new AccountInputs { CustomerViewLevel = L.Advisor, CustomerViewDate = Build.Day("2026-02-10"), FeedbackCadence = FeedbackCadence.HalfYearly };

        var account = Build.ScoreAccount(Array.Empty<AccountContact>(), inputs);

        AssertEmptied(account);
        Assert.That(account.HighPowerCoverage, Is.Null);
        Assert.That(account.NextFeedbackDue, Is.Null);
    }

    [Test]
    public void NoAssessedContacts_ValuesEmptiedAndCountsZero()
    {
        var account = Build.ScoreAccount(
            Build.Member("1", action: null, Power.Low, RelationshipStatus.Yes),
            Build.Member("2", action: null, power: null));

        AssertEmptied(account);
        Assert.That(account.HighPowerCoverage, Is.Null);
        Assert.That(account.NextFeedbackDue, Is.Null);
    }

    [Test]
    public void NoAssessedContactsButSomeWithALevel_EveryValueEmptiedAndTheExplanationSaysWhy()
    {
        // As written in §7: with no assessed contact the account's values are emptied, even when contacts
        // have a level, health or gap of their own (their matrix inputs are not recorded yet).
        var account = Build.ScoreAccount(
            Build.Member("1", action: null, Power.High, RelationshipStatus.Yes, level: L.Partner, health: 80, gap: 1),
            Build.Member("2", action: null, Power.Low, level: L.Transactional));

        AssertEmptied(account);
        Assert.That(account.HighPowerCoverage, Is.Null);
        Assert.That(account.NextFeedbackDue, Is.Null);
        Assert.That(account.Explanation, Does.Contain("Until a contact is assessed"));
    }

    [Test]
    public void OneAssessedContact_ValuesComeBackFromTheirBasis()
    {
        // The emptying applies only while nobody is assessed: one assessed contact brings every value back,
        // each computed from the contacts that have it.
        var account = Build.ScoreAccount(
            Build.Member("1", action: null, Power.High, RelationshipStatus.Yes, level: L.Partner),
            Build.Member("2", RecommendedAction.LowRiskMoveOn, Power.Low, level: L.Transactional));

        Assert.That(account.RecommendedAction, Is.EqualTo(RecommendedAction.LowRiskMoveOn));
        Assert.That(account.RelationshipLevel, Is.EqualTo(L.Partner));
        Assert.That(account.HighPowerCoverage, Is.EqualTo(100));
        Assert.That(account.NextFeedbackDue, Is.EqualTo(Build.Now.Date));
    }

    [Test]
    public void Explanation_NamesCountsCoverageLevelAndGapBasis()
    {
        var account = Build.ScoreAccount(
            Build.Member("1", RecommendedAction.HighRiskImprovePerception, Power.High, RelationshipStatus.Yes, L.Partner, 40, 1, name: "Dana Reyes"),
            Build.Member("2", RecommendedAction.MedPotentialActivate, Power.High, RelationshipStatus.No, L.Service, 70, 0, name: "Eli Marsh"),
            Build.Member("3", action: null, Power.Low, name: "Fay Chen"));

        var text = account.Explanation;

        Assert.That(text, Does.Contain("Dana Reyes"));
        Assert.That(text, Does.Contain("High risk, improve perception"));
        Assert.That(text, Does.Contain("coverage").IgnoreCase.And.Contain("50%"));
        Assert.That(text, Does.Contain("median").IgnoreCase);
        Assert.That(text, Does.Contain("gap").IgnoreCase);
        Assert.That(text, Does.Contain("2 assessed"));
    }

    private static void AssertEmptied(AccountScore account)
    {
        Assert.That(account.RecommendedAction, Is.Null);
        Assert.That(account.KeyContactId, Is.Null);
        Assert.That(account.RelationshipLevel, Is.Null);
        Assert.That(account.HealthScore, Is.Null);
        Assert.That(account.ExpectationGap, Is.Null);
        Assert.That(account.ExpectationGapScore, Is.Null);
        Assert.That(account.ExpectationAlignment, Is.Null);
        Assert.That(account.AssessedContacts, Is.Zero);
        Assert.That(account.RiskContacts, Is.Zero);
        Assert.That(account.PotentialContacts, Is.Zero);
    }

    private static IEnumerable<AccountContact> Parse(string contacts) =>
        contacts.Split(';').Select((c, i) =>
        {
            var parts = c.Trim().Split('/');
            Assert.That(Labels.TryParse(parts[0], out L level), Is.True, parts[0]);
            Power? power = parts[1] switch { "High" => Power.High, "Low" => Power.Low, _ => null };
            return Build.Member("c" + i, RecommendedAction.LowRiskMoveOn, power, level: level);
        });
}
