using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using NUnit.Framework;
using A = CrmRelationship.Scoring.ActivityLevel;
using P = CrmRelationship.Scoring.OrganizationalPower;
using Pe = CrmRelationship.Scoring.Perception;
using R = CrmRelationship.Scoring.RelationshipStatus;

namespace CrmRelationship.Scoring.Tests;

/// <summary>relationship-model.md §2: the 16 rows of the relationship matrix and its missing inputs.</summary>
[TestFixture]
public sealed class MatrixTests
{
    private static readonly string[] InputNames = { "Relationship", "Organizational power", "Perception", "Activity level" };

    // The document's table, in the document's row order.
    [TestCase(R.No, P.Low, Pe.Detractor, A.Passive, "Low risk, move on")]
    [TestCase(R.No, P.Low, Pe.Detractor, A.Active, "Moderate risk, monitor perception")]
    [TestCase(R.No, P.High, Pe.Detractor, A.Passive, "Moderate risk, improve perception")]
    [TestCase(R.No, P.Low, Pe.Advocate, A.Passive, "Low potential, activate")]
    [TestCase(R.Yes, P.Low, Pe.Detractor, A.Passive, "Low risk, move on")]
    [TestCase(R.No, P.High, Pe.Detractor, A.Active, "High risk, improve perception")]
    [TestCase(R.No, P.High, Pe.Advocate, A.Passive, "Med potential, develop relationship")]
    [TestCase(R.No, P.Low, Pe.Advocate, A.Active, "Med potential, make a hero")]
    [TestCase(R.Yes, P.Low, Pe.Detractor, A.Active, "Moderate risk, improve perception")]
    [TestCase(R.Yes, P.High, Pe.Detractor, A.Passive, "Moderate risk, improve perception")]
    [TestCase(R.Yes, P.Low, Pe.Advocate, A.Passive, "Low potential, make a hero")]
    [TestCase(R.No, P.High, Pe.Advocate, A.Active, "High potential, find a sponsor")]
    [TestCase(R.Yes, P.High, Pe.Detractor, A.Active, "High risk, improve perception")]
    [TestCase(R.Yes, P.High, Pe.Advocate, A.Passive, "Med potential, activate")]
    [TestCase(R.Yes, P.Low, Pe.Advocate, A.Active, "Med potential, make a hero")]
    [TestCase(R.Yes, P.High, Pe.Advocate, A.Active, "High potential, leverage")]
    public void MatrixRow_GivesTheDocumentedActionLabel(R relationship, P power, Pe perception, A activity, string expectedLabel)
    {
        var inputs = Build.Contact(relationship, power, perception, activity);

        var score = Build.Score(inputs);

        Assert.That(score.RecommendedAction, Is.Not.Null);
        Assert.That(Labels.Of(score.RecommendedAction!.Value), Is.EqualTo(expectedLabel));
    }

    [TestCase(R.No, P.High, Pe.Detractor, A.Active)]
    [TestCase(R.Yes, P.Low, Pe.Advocate, A.Passive)]
    public void MatrixRow_ExplanationNamesTheInputsThatChoseTheAction(R relationship, P power, Pe perception, A activity)
    {
        var score = Build.Score(Build.Contact(relationship, power, perception, activity));

        var line = ActionLine(score.Explanation);
        Assert.That(line, Does.Contain(Labels.Of(score.RecommendedAction!.Value)));
        foreach (var label in new[] { Labels.Of(relationship), Labels.Of(power), Labels.Of(perception), Labels.Of(activity) })
        {
            Assert.That(line, Does.Contain(label));
        }
    }

    [Test]
    public void ElevenDistinctActions_AreUsedByTheSixteenRows()
    {
        var actions = new HashSet<RecommendedAction>();
        foreach (var r in new[] { R.No, R.Yes })
        {
            foreach (var p in new[] { P.Low, P.High })
            {
                foreach (var pe in new[] { Pe.Detractor, Pe.Advocate })
                {
                    foreach (var a in new[] { A.Passive, A.Active })
                    {
                        actions.Add(Build.Score(Build.Contact(r, p, pe, a)).RecommendedAction!.Value);
                    }
                }
            }
        }

        Assert.That(actions.Select(Labels.Of), Is.EquivalentTo(Model.ActionsByUrgency));
    }

    public static IEnumerable<TestCaseData> MissingInputCombinations()
    {
        // Bit i set = input i present. 15 of the 16 combinations have at least one input missing.
        for (var present = 0; present < 15; present++)
        {
            var missing = Enumerable.Range(0, 4).Where(i => (present & (1 << i)) == 0).Select(i => InputNames[i]).ToArray();
            yield return new TestCaseData(
                    (present & 1) != 0,
                    (present & 2) != 0,
                    (present & 4) != 0,
                    (present & 8) != 0)
                .SetName("MissingInputs_" + string.Join("_", missing.Select(PascalCase)) + "_NoActionAndNamesExactlyThem");
        }
    }

    [TestCaseSource(nameof(MissingInputCombinations))]
    public void MissingInputs_NoActionAndExplanationNamesExactlyTheMissingOnes(bool hasRelationship, bool hasPower, bool hasPerception, bool hasActivity)
    {
        var inputs = Build.Contact(
            hasRelationship ? R.Yes : null,
            hasPower ? P.High : null,
            hasPerception ? Pe.Advocate : null,
            hasActivity ? A.Active : null);
        var present = new[] { hasRelationship, hasPower, hasPerception, hasActivity };

        var score = Build.Score(inputs);

        Assert.That(score.RecommendedAction, Is.Null);
        var line = ActionLine(score.Explanation);
        for (var i = 0; i < 4; i++)
        {
            var named = Regex.IsMatch(line, @"\b" + Regex.Escape(InputNames[i]) + @"\b");
            Assert.That(named, Is.EqualTo(!present[i]), "'" + InputNames[i] + "' named in: " + line);
        }
    }

    [TestCase("High risk, improve perception", 1, ActionTier.Risk, true, false)]
    [TestCase("Moderate risk, improve perception", 2, ActionTier.Risk, true, false)]
    [TestCase("Moderate risk, monitor perception", 3, ActionTier.Risk, true, false)]
    [TestCase("High potential, leverage", 4, ActionTier.Potential, false, true)]
    [TestCase("High potential, find a sponsor", 5, ActionTier.Potential, false, true)]
    [TestCase("Med potential, develop relationship", 6, ActionTier.Potential, false, true)]
    [TestCase("Med potential, activate", 7, ActionTier.Potential, false, true)]
    [TestCase("Med potential, make a hero", 8, ActionTier.Potential, false, true)]
    [TestCase("Low potential, make a hero", 9, ActionTier.Neither, false, false)]
    [TestCase("Low potential, activate", 10, ActionTier.Neither, false, false)]
    [TestCase("Low risk, move on", 11, ActionTier.Neither, false, false)]
    public void Action_HasTheDocumentedUrgencyAndTier(string label, int urgency, ActionTier tier, bool isRisk, bool isPotential)
    {
        var action = Model.Action(label);

        Assert.That(RelationshipMatrix.Tier(action), Is.EqualTo(tier));
        Assert.That(RelationshipMatrix.Urgency(action), Is.EqualTo(urgency));
        Assert.That(RelationshipMatrix.Urgency((RecommendedAction?)action), Is.EqualTo(urgency));
        Assert.That(RelationshipMatrix.ByUrgency[urgency - 1], Is.EqualTo(action));
        Assert.That(RelationshipMatrix.IsRisk(action), Is.EqualTo(isRisk));
        Assert.That(RelationshipMatrix.IsPotential(action), Is.EqualTo(isPotential));
    }

    [Test]
    public void ActionRanks_All_ListsEveryActionOnceMostUrgentFirst()
    {
        var ranks = ActionRanks.All;

        Assert.That(
            (ranks.Select(r => r.Action).Order(), ranks.Select(r => r.Urgency)),
            Is.EqualTo((Enum.GetValues<RecommendedAction>().Order(), Enumerable.Range(1, Enum.GetValues<RecommendedAction>().Length))));
    }

    public static IEnumerable<TestCaseData> ActionOptionValues()
    {
        var count = Labels.All<RecommendedAction>().Count;
        yield return new TestCaseData((int)RecommendedAction.HighRiskImprovePerception, true).SetName("ActionOptionValue_HighRiskImprovePerception_ReadBack");
        yield return new TestCaseData((int)RecommendedAction.HighPotentialLeverage, true).SetName("ActionOptionValue_LastOption_ReadBack");
        yield return new TestCaseData(OptionValues.Base + count, false).SetName("ActionOptionValue_PastTheLastOption_NotReadBack");
        yield return new TestCaseData(OptionValues.Base - 1, false).SetName("ActionOptionValue_BelowTheBase_NotReadBack");
    }

    [TestCaseSource(nameof(ActionOptionValues))]
    public void ActionOptionValue_ReadBackOnlyWhenItIsOneOfTheEleven(int value, bool known)
    {
        var read = Labels.TryFromValue<RecommendedAction>(value, out var action);

        Assert.That((read, read ? Labels.ValueOf<RecommendedAction>(action) : null), Is.EqualTo((known, known ? value : (int?)null)));
    }

    [Test]
    public void NoAction_HasNoOptionValue()
    {
        Assert.That(Labels.ValueOf<RecommendedAction>(null), Is.Null);
    }

    [Test]
    public void NoAction_HasNoUrgency()
    {
        Assert.That(RelationshipMatrix.Urgency((RecommendedAction?)null), Is.Null);
    }

    private static string PascalCase(string words) =>
        string.Concat(words.Split(' ').Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1)));

    /// <summary>The explanation line about the recommended action.</summary>
    internal static string ActionLine(string explanation)
    {
        var lines = explanation.Split('\n').Where(l => l.Contains("recommended action", System.StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.That(lines, Has.Count.EqualTo(1), "one line about the recommended action in:\n" + explanation);
        return lines[0];
    }
}
