using System;
using NUnit.Framework;
using L = CrmRelationship.Scoring.RelationshipLevel;

namespace CrmRelationship.Scoring.Tests;

/// <summary>
/// relationship-model.md §8: optional JSON settings. Each override changes the result; each setting
/// that cannot be right is refused with a message naming its key; omitted keys keep their defaults.
/// </summary>
[TestFixture]
public sealed class SettingsTests
{
    [TestCase(null)]
    [TestCase("")]
    [TestCase("   \n\t ")]
    [TestCase("{}")]
    [TestCase("{ \"matrix\": {}, \"healthWeights\": {} }")]
    public void NoSettings_DefaultsOfTheModel(string? json)
    {
        var settings = ScoringSettings.Parse(json);

        Assert.That(settings.HighPowerWeight, Is.EqualTo(3));
        Assert.That(settings.HealthWeights.Ladder, Is.EqualTo(40));
        Assert.That(settings.HealthWeights.Stance, Is.EqualTo(30));
        Assert.That(settings.HealthWeights.Alignment, Is.EqualTo(20));
        Assert.That(settings.HealthWeights.Risk, Is.EqualTo(10));
        var scorer = new RelationshipScorer(settings);
        foreach (var row in Model.Matrix)
        {
            var labels = row.Key.Split('/');
            var inputs = Build.Contact(Parse<RelationshipStatus>(labels[0]), Parse<OrganizationalPower>(labels[1]), Parse<Perception>(labels[2]), Parse<ActivityLevel>(labels[3]));
            Assert.That(Labels.Of(scorer.ScoreContact(inputs, null, Build.Now).RecommendedAction!.Value), Is.EqualTo(row.Value), row.Key);
        }
    }

    [Test]
    public void MatrixRowOverridden_ThatRowGivesTheNewActionAndOthersKeepTheirs()
    {
        var scorer = Scorer("{\"matrix\": {\"No/Low/Detractor/Passive\": \"Moderate risk, monitor perception\"}}");

        var overridden = scorer.ScoreContact(Build.Contact(RelationshipStatus.No, OrganizationalPower.Low, Perception.Detractor, ActivityLevel.Passive), null, Build.Now);
        var sameDefault = scorer.ScoreContact(Build.Contact(RelationshipStatus.Yes, OrganizationalPower.Low, Perception.Detractor, ActivityLevel.Passive), null, Build.Now);

        Assert.That(Labels.Of(overridden.RecommendedAction!.Value), Is.EqualTo("Moderate risk, monitor perception"));
        Assert.That(Labels.Of(sameDefault.RecommendedAction!.Value), Is.EqualTo("Low risk, move on"));
    }

    [Test]
    public void MatrixRowOverridden_ExampleFromTheModelParses()
    {
        var scorer = Scorer("""
            {
              "matrix": { "No/High/Detractor/Active": "High risk, improve perception" },
              "highPowerWeight": 3,
              "healthWeights": { "ladder": 40, "stance": 30, "alignment": 20, "risk": 10 }
            }
            """);

        var score = scorer.ScoreContact(Build.Contact(RelationshipStatus.No, OrganizationalPower.High, Perception.Detractor, ActivityLevel.Active), null, Build.Now);

        Assert.That(Labels.Of(score.RecommendedAction!.Value), Is.EqualTo("High risk, improve perception"));
    }

    // Two Transactional Low contacts (w1 each) and one Partner High contact (weight w): Transactional carries
    // 2 of 2 + w, at least half while w ≤ 2.
    [TestCase(1, "Transactional")]
    [TestCase(2, "Transactional")]
    [TestCase(3, "Partner")]
    [TestCase(10, "Partner")]
    public void HighPowerWeightOverridden_AccountLevelMedianUsesIt(int weight, string expectedLevel)
    {
        var scorer = Scorer("{\"highPowerWeight\": " + weight + "}");
        var contacts = new[]
        {
            Build.Member("1", RecommendedAction.LowRiskMoveOn, level: L.Transactional, power: OrganizationalPower.Low),
            Build.Member("2", RecommendedAction.LowRiskMoveOn, level: L.Transactional, power: OrganizationalPower.Low),
            Build.Member("3", RecommendedAction.LowRiskMoveOn, level: L.Partner, power: OrganizationalPower.High),
        };

        var account = scorer.ScoreAccount(AccountInputs.Empty, contacts, Build.Now);

        Assert.That(Labels.Of(account.RelationshipLevel!.Value), Is.EqualTo(expectedLevel));
    }

    [Test]
    public void HighPowerWeightOne_AccountHealthIsThePlainMean()
    {
        // 40 (High) and 90 (Low), both weighing 1: 130 / 2 = 65 (with the default weight 3 it would be 52.5 → 53).
        var scorer = Scorer("{\"highPowerWeight\": 1}");

        var account = scorer.ScoreAccount(
            AccountInputs.Empty,
            new[] { Build.Member("1", RecommendedAction.LowRiskMoveOn, health: 40, power: OrganizationalPower.High), Build.Member("2", RecommendedAction.LowRiskMoveOn, health: 90, power: OrganizationalPower.Low) },
            Build.Now);

        Assert.That(account.HealthScore, Is.EqualTo(65));
    }

    [Test]
    public void HealthWeightsAllOne_HealthIsThePlainMeanOfTheParts()
    {
        // Service 40, Advocate without relationship 70, gap −2 → 100, Criticism 75: (40 + 70 + 100 + 75) / 4 = 71.25 → 71
        // (64.5 → 65 with the default weights).
        var scorer = Scorer("{\"healthWeights\": {\"ladder\": 1, \"stance\": 1, \"alignment\": 1, \"risk\": 1}}");
        var inputs = Build.AtLevel(L.Service, view: L.Advisor, perception: Perception.Advocate, relationship: RelationshipStatus.No, risks: new[] { RiskBehaviour.Criticism });

        var score = scorer.ScoreContact(inputs, null, Build.Now);

        Assert.That(score.HealthScore, Is.EqualTo(71));
    }

    [Test]
    public void HealthWeightRiskZeroOnly_OtherWeightsKeepTheirDefaults()
    {
        // Transactional 20 (w40) + Advocate without relationship 70 (w30), risk weighs 0:
        // (800 + 2100) / 70 = 41.43 → 41 (42.5 → 43 with the default weights).
        var scorer = Scorer("{\"healthWeights\": {\"risk\": 0}}");
        var inputs = Build.AtLevel(L.Transactional, perception: Perception.Advocate, relationship: RelationshipStatus.No, risks: new[] { RiskBehaviour.Contempt });

        var score = scorer.ScoreContact(inputs, null, Build.Now);

        Assert.That(score.HealthScore, Is.EqualTo(41));
    }

    [Test]
    public void HealthWeightsOnlyLadder_AcceptedBecauseEveryScoredContactHasALevel()
    {
        // Alignment needs a level, so a contact with health always has the ladder part: with only the
        // ladder weighted, health is the ladder value. Partner = 60.
        var scorer = Scorer("{\"healthWeights\": {\"ladder\": 100, \"stance\": 0, \"alignment\": 0, \"risk\": 0}}");
        var inputs = Build.AtLevel(L.Partner, perception: Perception.Advocate, relationship: RelationshipStatus.Yes);

        var score = scorer.ScoreContact(inputs, null, Build.Now);

        Assert.That(score.HealthScore, Is.EqualTo(60));
    }

    [TestCase(0, 0, 20, TestName = "Refused_LadderAndStanceZeroWithRiskZero")]
    [TestCase(0, 30, 0, TestName = "Refused_LadderAndAlignmentZeroWithRiskZero")]
    public void HealthWeightsLeavingAScoredContactUnweighted_Refused(int ladder, int stance, int alignment)
    {
        var json = "{\"healthWeights\": {\"ladder\": " + ladder + ", \"stance\": " + stance + ", \"alignment\": " + alignment + ", \"risk\": 0}}";

        var ex = Assert.Throws<ScoringSettingsException>(() => ScoringSettings.Parse(json));

        Assert.That(ex!.Key, Is.EqualTo("healthWeights"));
    }

    // Each refusal names the offending key in ScoringSettingsException.Key and in its message.
    [TestCase("{\"colour\": \"blue\"}", "colour", TestName = "Refused_UnknownTopLevelKey")]
    [TestCase("{\"Matrix\": {}}", "Matrix", TestName = "Refused_TopLevelKeyInTheWrongCase")]
    [TestCase("{\"matrix\": {\"Maybe/High/Detractor/Active\": \"High risk, improve perception\"}}", "Maybe/High/Detractor/Active", TestName = "Refused_MatrixKeyWithAnUnknownLabel")]
    [TestCase("{\"matrix\": {\"No/High/Detractor\": \"High risk, improve perception\"}}", "No/High/Detractor", TestName = "Refused_MatrixKeyWithThreeLabels")]
    [TestCase("{\"matrix\": {\"High/No/Detractor/Active\": \"High risk, improve perception\"}}", "High/No/Detractor/Active", TestName = "Refused_MatrixKeyInTheWrongOrder")]
    [TestCase("{\"matrix\": {\"no/high/detractor/active\": \"High risk, improve perception\"}}", "no/high/detractor/active", TestName = "Refused_MatrixKeyNotInTheExactLabels")]
    [TestCase("{\"matrix\": {\"No/High/Detractor/Active\": \"Very high risk\"}}", "No/High/Detractor/Active", TestName = "Refused_MatrixValueNotOneOfTheElevenActions")]
    [TestCase("{\"matrix\": {\"No/High/Detractor/Active\": \"high risk, improve perception\"}}", "No/High/Detractor/Active", TestName = "Refused_MatrixValueNotTheExactLabel")]
    [TestCase("{\"matrix\": {\"No/High/Detractor/Active\": 3}}", "No/High/Detractor/Active", TestName = "Refused_MatrixValueNotText")]
    [TestCase("{\"matrix\": [\"High risk, improve perception\"]}", "matrix", TestName = "Refused_MatrixNotAnObject")]
    [TestCase("{\"highPowerWeight\": 2.5}", "highPowerWeight", TestName = "Refused_HighPowerWeightNotAnInteger")]
    [TestCase("{\"highPowerWeight\": \"3\"}", "highPowerWeight", TestName = "Refused_HighPowerWeightAsText")]
    [TestCase("{\"highPowerWeight\": -1}", "highPowerWeight", TestName = "Refused_HighPowerWeightNegative")]
    [TestCase("{\"highPowerWeight\": 2147483648}", "highPowerWeight", TestName = "Refused_HighPowerWeightBeyondAnInt")]
    [TestCase("{\"highPowerWeight\": 1e12}", "highPowerWeight", TestName = "Refused_HighPowerWeightTooLarge")]
    [TestCase("{\"highPowerWeight\": null}", "highPowerWeight", TestName = "Refused_HighPowerWeightNull")]
    [TestCase("{\"healthWeights\": {\"ladder\": -5}}", "ladder", TestName = "Refused_HealthWeightNegative")]
    [TestCase("{\"healthWeights\": {\"stance\": 0.5}}", "stance", TestName = "Refused_HealthWeightNotAnInteger")]
    [TestCase("{\"healthWeights\": {\"risk\": 99999999999}}", "risk", TestName = "Refused_HealthWeightTooLarge")]
    [TestCase("{\"healthWeights\": {\"trust\": 10}}", "trust", TestName = "Refused_UnknownHealthPart")]
    [TestCase("{\"healthWeights\": {\"ladder\": 0, \"stance\": 0, \"alignment\": 0, \"risk\": 0}}", "healthWeights", TestName = "Refused_AllHealthWeightsZero")]
    [TestCase("{\"healthWeights\": 40}", "healthWeights", TestName = "Refused_HealthWeightsNotAnObject")]
    [TestCase("{\"highPowerWeight\": 3, \"highPowerWeight\": 2}", "highPowerWeight", TestName = "Refused_DuplicateTopLevelKey")]
    [TestCase("{\"matrix\": {\"No/High/Detractor/Active\": \"High risk, improve perception\", \"No/High/Detractor/Active\": \"Low risk, move on\"}}", "No/High/Detractor/Active", TestName = "Refused_DuplicateMatrixKey")]
    [TestCase("{\"healthWeights\": {\"risk\": 10, \"risk\": 5}}", "risk", TestName = "Refused_DuplicateHealthPart")]
    [TestCase("{\"highPowerWeight\": }", "highPowerWeight", TestName = "Refused_MalformedJsonMissingValue")]
    [TestCase("{\"highPowerWeight\" 3}", "highPowerWeight", TestName = "Refused_MalformedJsonMissingColon")]
    public void InvalidSetting_RefusedNamingTheKey(string json, string expectedKey)
    {
        var ex = Assert.Throws<ScoringSettingsException>(() => ScoringSettings.Parse(json));

        Assert.That(ex!.Key, Does.Contain(expectedKey));
        Assert.That(ex.Message, Does.Contain(expectedKey));
    }

    // Malformed JSON or a root that is not an object: refused, with a key (or "settings") named in the message.
    [TestCase("{")]
    [TestCase("{\"highPowerWeight\": 3,}")]
    [TestCase("{\"highPowerWeight\": 3")]
    [TestCase("{'highPowerWeight': 3}")]
    [TestCase("{\"highPowerWeight\": 3} trailing")]
    [TestCase("not json")]
    [TestCase("[]")]
    [TestCase("[{\"highPowerWeight\": 3}]")]
    [TestCase("3")]
    [TestCase("\"matrix\"")]
    [TestCase("null")]
    [TestCase("true")]
    public void MalformedOrNonObjectSettings_RefusedWithAKeyInTheMessage(string json)
    {
        var ex = Assert.Throws<ScoringSettingsException>(() => ScoringSettings.Parse(json));

        Assert.That(ex!.Key, Is.Not.Empty);
        Assert.That(ex.Message, Does.Contain(ex.Key));
    }

    private static RelationshipScorer Scorer(string json) => new(ScoringSettings.Parse(json));

    private static T? Parse<T>(string label)
        where T : struct, Enum =>
        Labels.TryParse(label, out T value) ? value : throw new ArgumentException(label, nameof(label));
}
