using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;

namespace CrmRelationship.Scoring.Tests;

/// <summary>
/// relationship-model.md §7 "Key contact": the assessed contact with the most urgent action; ties:
/// High power first, then lower health (empty last), then the earlier created (unknown last), then the
/// lower id (ordinal comparison of the lower-case id text). The account's action is the key contact's.
/// </summary>
[TestFixture]
public sealed class KeyContactTests
{
    private const RecommendedAction SameAction = RecommendedAction.MedPotentialActivate;

    public static IEnumerable<TestCaseData> AdjacentUrgencies()
    {
        for (var i = 1; i < Model.ActionsByUrgency.Length; i++)
        {
            yield return new TestCaseData(Model.ActionsByUrgency[i - 1], Model.ActionsByUrgency[i])
                .SetName("MoreUrgentAction_WinsOverEveryTieBreak(" + Model.ActionsByUrgency[i - 1] + " over " + Model.ActionsByUrgency[i] + ")");
        }
    }

    [TestCaseSource(nameof(AdjacentUrgencies))]
    public void MoreUrgentAction_WinsEvenWhenTheOtherHasEveryTieBreak(string moreUrgent, string lessUrgent)
    {
        var urgent = Build.Member("z-urgent", Model.Action(moreUrgent), OrganizationalPower.Low, health: 100, created: Build.Day("2026-01-01"));
        var other = Build.Member("a-other", Model.Action(lessUrgent), OrganizationalPower.High, health: 0, created: Build.Day("2020-01-01"));

        foreach (var order in new[] { new[] { urgent, other }, new[] { other, urgent } })
        {
            var account = Build.ScoreAccount(order);

            Assert.That(account.KeyContactId, Is.EqualTo("z-urgent"));
            Assert.That(account.RecommendedAction, Is.EqualTo(Model.Action(moreUrgent)));
        }
    }

    [Test]
    public void RiskOutranksPotential_AccountActionIsTheRisk()
    {
        var account = Build.ScoreAccount(
            Build.Member("1", RecommendedAction.HighPotentialLeverage, OrganizationalPower.High),
            Build.Member("2", RecommendedAction.ModerateRiskMonitorPerception, OrganizationalPower.Low),
            Build.Member("3", RecommendedAction.LowRiskMoveOn, OrganizationalPower.High));

        Assert.That(account.KeyContactId, Is.EqualTo("2"));
        Assert.That(Labels.Of(account.RecommendedAction!.Value), Is.EqualTo("Moderate risk, monitor perception"));
    }

    [Test]
    public void LowRiskMoveOn_RanksBelowEveryPotential()
    {
        var account = Build.ScoreAccount(
            Build.Member("1", RecommendedAction.LowRiskMoveOn, OrganizationalPower.High),
            Build.Member("2", RecommendedAction.LowPotentialActivate, OrganizationalPower.Low));

        Assert.That(account.KeyContactId, Is.EqualTo("2"));
    }

    [Test]
    public void SameAction_HighPowerFirstEvenWithHigherHealthLaterCreationAndHigherId()
    {
        var low = Build.Member("a", SameAction, OrganizationalPower.Low, health: 10, created: Build.Day("2020-01-01"));
        var high = Build.Member("z", SameAction, OrganizationalPower.High, health: 90, created: Build.Day("2026-01-01"));

        Assert.That(KeyOf(low, high), Is.EqualTo("z"));
    }

    [Test]
    public void SameActionUnknownPower_CountsAsNotHigh()
    {
        var unknown = Build.Member("a", SameAction, power: null, health: 10);
        var high = Build.Member("z", SameAction, OrganizationalPower.High, health: 90);

        Assert.That(KeyOf(unknown, high), Is.EqualTo("z"));
    }

    [Test]
    public void SameActionAndPower_LowerHealthFirstEvenWhenCreatedLaterWithHigherId()
    {
        var healthy = Build.Member("a", SameAction, OrganizationalPower.High, health: 80, created: Build.Day("2020-01-01"));
        var weak = Build.Member("z", SameAction, OrganizationalPower.High, health: 30, created: Build.Day("2026-01-01"));

        Assert.That(KeyOf(healthy, weak), Is.EqualTo("z"));
    }

    [Test]
    public void SameActionAndPower_EmptyHealthComesLast()
    {
        var empty = Build.Member("a", SameAction, OrganizationalPower.Low, health: null, created: Build.Day("2020-01-01"));
        var known = Build.Member("z", SameAction, OrganizationalPower.Low, health: 100, created: Build.Day("2026-01-01"));

        Assert.That(KeyOf(empty, known), Is.EqualTo("z"));
    }

    [Test]
    public void SameActionPowerAndHealth_EarlierCreatedFirstEvenWithHigherId()
    {
        var later = Build.Member("a", SameAction, OrganizationalPower.Low, health: 50, created: new DateTime(2025, 5, 1, 12, 0, 1, DateTimeKind.Unspecified));
        var earlier = Build.Member("z", SameAction, OrganizationalPower.Low, health: 50, created: new DateTime(2025, 5, 1, 12, 0, 0, DateTimeKind.Unspecified));

        Assert.That(KeyOf(later, earlier), Is.EqualTo("z"));
    }

    [Test]
    public void BothHealthsEmpty_CreationDecides()
    {
        var later = Build.Member("a", SameAction, health: null, created: Build.Day("2025-02-01"));
        var earlier = Build.Member("z", SameAction, health: null, created: Build.Day("2025-01-01"));

        Assert.That(KeyOf(later, earlier), Is.EqualTo("z"));
    }

    [Test]
    public void SameActionPowerAndHealth_UnknownCreationComesLast()
    {
        var unknown = Build.Member("a", SameAction, health: 50, created: null);
        var known = Build.Member("z", SameAction, health: 50, created: Build.Day("2026-03-15"));

        Assert.That(KeyOf(unknown, known), Is.EqualTo("z"));
    }

    // The last tie-break: ordinal comparison of the lower-case id text.
    [TestCase("a", "B", "a")] // ordinal on the raw text would pick "B" ('B' < 'a')
    [TestCase("abc", "ABD", "abc")] // raw ordinal would pick "ABD"
    [TestCase("_x", "Ax", "_x")] // OrdinalIgnoreCase upper-cases ('A' < '_') and would pick "Ax"
    [TestCase("b", "ä", "b")] // a culture comparison would put "ä" next to "a" and pick it
    [TestCase("item9", "item10", "item10")] // ordinal, not natural number order
    [TestCase("co-op", "coop", "co-op")] // '-' < 'o' ordinally; culture comparisons may ignore the hyphen
    [TestCase("6F9619FF-8B86-D011-B42D-00C04FC964FF", "6f9619ff-8b86-d011-b42d-00c04fc964fe", "6f9619ff-8b86-d011-b42d-00c04fc964fe")]
    public void EverythingElseEqual_LowerLowerCaseIdOrdinalFirst(string first, string second, string expected)
    {
        var a = Build.Member(first, SameAction, OrganizationalPower.High, health: 50, created: Build.Day("2025-01-01"));
        var b = Build.Member(second, SameAction, OrganizationalPower.High, health: 50, created: Build.Day("2025-01-01"));

        Assert.That(KeyOf(a, b), Is.EqualTo(expected));
    }

    [Test]
    [SetCulture("tr-TR")]
    public void TurkishCurrentCulture_IdsStillLowerCasedInvariantly()
    {
        // Invariant lower case: "ia" < "ja", so "Ia" comes first. Turkish lower-casing would turn 'I' into
        // 'ı' (U+0131), which sorts after 'j', and pick "ja" instead.
        var a = Build.Member("ja", SameAction);
        var b = Build.Member("Ia", SameAction);

        Assert.That(KeyOf(a, b), Is.EqualTo("Ia"));
    }

    [Test]
    public void IdsDifferingOnlyByCase_AreEqualForTheRuleAndBothBeatAHigherId()
    {
        // "ABC" and "abc" are the same lower-case text; "abd" is higher than both whatever its case.
        var contacts = new[]
        {
            Build.Member("ABD", SameAction),
            Build.Member("abc", SameAction),
            Build.Member("ABC", SameAction),
        };

        var account = Build.ScoreAccount(contacts);

        Assert.That(account.KeyContactId, Is.EqualTo("abc").IgnoreCase);
    }

    [Test]
    public void IdsDifferingOnlyByCase_SameKeyContactWhateverTheInputOrder()
    {
        // Equal under the model's rule; the raw ordinal text then decides ('A' 0x41 < 'a' 0x61), so the
        // result never depends on the order the contacts arrive in.
        var upper = Build.Member("ABC", SameAction);
        var lower = Build.Member("abc", SameAction);

        Assert.That(KeyOf(upper, lower), Is.EqualTo("ABC"));
        Assert.That(KeyOf(lower, upper), Is.EqualTo("ABC"));
    }

    [Test]
    public void UnassessedContact_NeverKeyContactEvenWhenHighPower()
    {
        var account = Build.ScoreAccount(
            Build.Member("a", action: null, OrganizationalPower.High, health: 0),
            Build.Member("b", RecommendedAction.LowRiskMoveOn, OrganizationalPower.Low, health: 100));

        Assert.That(account.KeyContactId, Is.EqualTo("b"));
        Assert.That(account.RecommendedAction, Is.EqualTo(RecommendedAction.LowRiskMoveOn));
    }

    [Test]
    public void KeyContact_ExplanationNamesThemAndTheirAction()
    {
        var account = Build.ScoreAccount(
            Build.Member("1", RecommendedAction.HighPotentialLeverage, name: "Eli Marsh"),
            Build.Member("2", RecommendedAction.HighRiskImprovePerception, name: "Dana Reyes"));

        var line = KeyContactLine(account.Explanation, "Dana Reyes");
        Assert.That(line, Does.Contain("High risk, improve perception"));
        Assert.That(account.Explanation, Does.Not.Contain("Eli Marsh"));
    }

    // The explanation says which rule chose the key contact when the actions tie.
    [TestCase("power", "High power")]
    [TestCase("health", "lower health")]
    [TestCase("created", "earlier created")]
    [TestCase("id", "lower id")]
    public void TiedKeyContact_ExplanationSaysWhichTieBreakDecided(string decidingRule, string expectedWords)
    {
        var key = Build.Member("a", SameAction, OrganizationalPower.High, health: 10, created: Build.Day("2020-01-01"), name: "Key Person");
        var other = Build.Member(
            "b",
            SameAction,
            decidingRule == "power" ? OrganizationalPower.Low : OrganizationalPower.High,
            health: decidingRule == "power" || decidingRule == "health" ? 90 : 10,
            created: decidingRule == "id" ? Build.Day("2020-01-01") : Build.Day("2024-01-01"),
            name: "Other Person");

        var account = Build.ScoreAccount(other, key);

        Assert.That(account.KeyContactId, Is.EqualTo("a"));
        var line = KeyContactLine(account.Explanation, "Key Person");
        Assert.That(line, Does.Contain(expectedWords).IgnoreCase);
    }

    private static string? KeyOf(params AccountContact[] contacts)
    {
        var forward = Build.ScoreAccount(contacts).KeyContactId;
        var backward = Build.ScoreAccount(contacts.Reverse()).KeyContactId;
        Assert.That(backward, Is.EqualTo(forward), "the key contact must not depend on the order of the contacts");
        return forward;
    }

    private static string KeyContactLine(string explanation, string name)
    {
        var line = explanation.Split('\n').FirstOrDefault(l => l.Contains(name, StringComparison.Ordinal));
        Assert.That(line, Is.Not.Null, "no line names " + name + " in:\n" + explanation);
        Assert.That(line, Does.Contain("key contact").IgnoreCase);
        return line!;
    }
}
