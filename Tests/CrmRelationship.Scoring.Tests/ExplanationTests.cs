using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NUnit.Framework;
using L = CrmRelationship.Scoring.RelationshipLevel;

namespace CrmRelationship.Scoring.Tests;

/// <summary>
/// relationship-model.md §6: a short plain-language explanation, at most 2,000 characters, one line
/// per finding, no markup; the same inputs always give the same text.
/// </summary>
[TestFixture]
public sealed class ExplanationTests
{
    public static IEnumerable<TestCaseData> Contacts()
    {
        yield return new TestCaseData(Build.Contact()).SetName("Explanation_NothingRecorded");
        yield return new TestCaseData(Build.Contact(
                RelationshipStatus.Yes,
                OrganizationalPower.High,
                Perception.Detractor,
                ActivityLevel.Active,
                new[] { RelationshipBehaviour.BuysFromUs, RelationshipBehaviour.CollaboratesWithUsClosely, RelationshipBehaviour.ConsultsUsBeforeDecisions, RelationshipBehaviour.ValuesUsAcrossTheirBusiness },
                Model.Risks,
                L.InnerCircle,
                Build.Day("2025-12-31"),
                FeedbackCadence.HalfYearly))
            .SetName("Explanation_EverythingRecordedWithEveryRiskAndSkippedRungs");
        yield return new TestCaseData(Build.AtLevel(L.Partner, L.Service, Perception.Advocate, RelationshipStatus.No)).SetName("Explanation_TypicalContact");
    }

    [TestCaseSource(nameof(Contacts))]
    public void ContactExplanation_ShortPlainOneFindingPerLine(ContactInputs inputs)
    {
        var history = new LevelHistory { StoredLevel = L.Advisor, PreviousLevel = L.Partner, LevelChangedOn = Build.Day("2025-01-01") };

        var text = Build.Score(inputs, history).Explanation;

        AssertPlainLines(text);
        Assert.That(text.Split('\n'), Has.Length.GreaterThanOrEqualTo(5), "action, level, direction, gap, feedback and health findings");
    }

    [Test]
    public void NothingRecorded_ExplanationSaysWhatToDoNext()
    {
        var text = Build.Score(Build.Contact()).Explanation;

        Assert.That(text, Does.Contain("Ask the customer how they see the relationship"));
        Assert.That(text, Does.Contain("Relationship").And.Contain("Organizational power").And.Contain("Perception").And.Contain("Activity level"));
    }

    [TestCaseSource(nameof(Contacts))]
    public void SameContactInputs_SameTextEveryTimeAndInEveryCulture(ContactInputs inputs)
    {
        var first = Build.Score(inputs).Explanation;
        var original = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "de-DE", "ar-SA", "tr-TR", "ja-JP", "fr-CA" })
            {
                CultureInfo.CurrentCulture = new CultureInfo(culture);
                Assert.That(Build.Score(inputs).Explanation, Is.EqualTo(first), culture);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Test]
    public void SameBehavioursInAnotherOrder_SameText()
    {
        var a = Build.Contact(behaviours: new[] { RelationshipBehaviour.BuysFromUs, RelationshipBehaviour.ConsultsUsBeforeDecisions, RelationshipBehaviour.ReliesOnOurSupport }, risks: new[] { RiskBehaviour.Stonewalling, RiskBehaviour.Criticism });
        var b = Build.Contact(behaviours: new[] { RelationshipBehaviour.ConsultsUsBeforeDecisions, RelationshipBehaviour.ReliesOnOurSupport, RelationshipBehaviour.BuysFromUs }, risks: new[] { RiskBehaviour.Criticism, RiskBehaviour.Stonewalling });

        Assert.That(Build.Score(b).Explanation, Is.EqualTo(Build.Score(a).Explanation));
    }

    [Test]
    public void AccountExplanation_ShortPlainOneFindingPerLine()
    {
        var account = Build.ScoreAccount(
            new[]
            {
                Build.Member("1", RecommendedAction.HighRiskImprovePerception, OrganizationalPower.High, RelationshipStatus.Yes, L.Partner, 40, 1, Build.Day("2024-01-01"), "Dana Reyes"),
                Build.Member("2", RecommendedAction.HighRiskImprovePerception, OrganizationalPower.High, RelationshipStatus.No, L.Service, 40, 0, Build.Day("2024-01-01"), "Eli Marsh"),
                Build.Member("3", action: null, OrganizationalPower.Low),
            },
            new AccountInputs { CustomerViewLevel = L.Advisor, CustomerViewDate = Build.Day("2026-01-31"), FeedbackCadence = FeedbackCadence.Yearly });

        AssertPlainLines(account.Explanation);
    }

    [Test]
    public void AccountWithManyContactsAndAVeryLongName_ExplanationAtMost2000Characters()
    {
        var contacts = Enumerable.Range(0, 500)
            .Select(i => Build.Member(
                "id-" + i.ToString(CultureInfo.InvariantCulture),
                RecommendedAction.HighRiskImprovePerception,
                OrganizationalPower.High,
                RelationshipStatus.Yes,
                Model.LevelAt((i % 5) + 1),
                50,
                1,
                name: new string('n', 1500) + i.ToString(CultureInfo.InvariantCulture)))
            .ToList();

        var account = Build.ScoreAccount(contacts);

        Assert.That(account.Explanation.Length, Is.InRange(1, 2000));
        Assert.That(account.Explanation, Does.Not.Contain("<").And.Not.Contain(">"));
    }

    [TestCase("Dana\nReyes", "Dana Reyes")]
    [TestCase("Dana\r\n  Reyes\t", "Dana Reyes")]
    [TestCase("<b>Dana</b> Reyes", "Dana")]
    [TestCase("Dana\u2028Reyes", "Dana Reyes")]
    public void StoredNameWithLineBreaksOrMarkup_ExplanationStaysOneFindingPerLineWithoutMarkup(string storedName, string expectedText)
    {
        // Names are data: a stored full name must not split the key-contact finding or bring markup in.
        var account = Build.ScoreAccount(
            Build.Member("1", RecommendedAction.HighRiskImprovePerception, name: storedName),
            Build.Member("2", RecommendedAction.HighRiskImprovePerception, name: "Eli Marsh"));

        AssertPlainLines(account.Explanation);
        Assert.That(account.Explanation.Split('\n').Count(l => l.Contains("key contact", StringComparison.OrdinalIgnoreCase)), Is.EqualTo(1));
        Assert.That(account.Explanation, Does.Contain(expectedText));
    }

    [Test]
    public void NoNameAndAnIdWithMarkup_ExplanationHasNoMarkup()
    {
        var account = Build.ScoreAccount(Build.Member("<script>1</script>", RecommendedAction.HighRiskImprovePerception));

        AssertPlainLines(account.Explanation);
    }

    [Test]
    public void SameAccountInputs_SameTextEveryTime()
    {
        var contacts = new[]
        {
            Build.Member("1", RecommendedAction.MedPotentialActivate, OrganizationalPower.High, RelationshipStatus.Yes, L.Partner, 40, 1, name: "Dana Reyes"),
            Build.Member("2", RecommendedAction.MedPotentialActivate, OrganizationalPower.High, RelationshipStatus.No, L.Service, 60, 0, name: "Eli Marsh"),
        };

        var first = Build.ScoreAccount(contacts).Explanation;
        var second = Build.ScoreAccount(contacts).Explanation;
        var reversed = Build.ScoreAccount(contacts.Reverse()).Explanation;

        Assert.That(second, Is.EqualTo(first));
        Assert.That(reversed, Is.EqualTo(first));
    }

    internal static void AssertPlainLines(string text)
    {
        Assert.That(text.Length, Is.InRange(1, 2000));
        Assert.That(text, Does.Not.Contain("<").And.Not.Contain(">"), "no markup");
        Assert.That(text, Does.Not.Contain("\r").And.Not.Contain("\t").And.Not.Contain("\u2028").And.Not.Contain("\u2029"));
        foreach (var line in text.Split('\n'))
        {
            Assert.That(line.Trim(), Is.Not.Empty, "no empty lines in:\n" + text);
            Assert.That(line, Is.EqualTo(line.Trim()), "no leading or trailing blanks");
        }
    }
}
