using System;
using NUnit.Framework;

namespace CrmRelationship.Scoring.Tests;

/// <summary>
/// relationship-model.md §3 "Direction": a level change is kept (previous level, changed on = now)
/// when the computed level differs from the stored one; direction is derived from it, risk first.
/// </summary>
[TestFixture]
public sealed class DirectionTests
{
    private static readonly DateTime EarlierChange = new(2025, 6, 1, 9, 0, 0, DateTimeKind.Unspecified);

    [Test]
    public void NewRecord_NothingRecordedAndSteady()
    {
        var score = Build.Score(Build.AtLevel(RelationshipLevel.Partner), history: null);

        Assert.That(score.PreviousLevel, Is.Null);
        Assert.That(score.LevelChangedOn, Is.Null);
        Assert.That(score.Direction, Is.EqualTo(Direction.Steady));
    }

    [Test]
    public void NewRecordWithRiskBehaviour_ComingApart()
    {
        var score = Build.Score(Build.AtLevel(RelationshipLevel.Partner, risks: new[] { RiskBehaviour.Stonewalling }), history: null);

        Assert.That(score.PreviousLevel, Is.Null);
        Assert.That(score.LevelChangedOn, Is.Null);
        Assert.That(score.Direction, Is.EqualTo(Direction.ComingApart));
    }

    [Test]
    public void LevelRose_ChangeRecordedNowAndComingTogether()
    {
        var history = new LevelHistory { StoredLevel = RelationshipLevel.Service, PreviousLevel = RelationshipLevel.Advisor, LevelChangedOn = EarlierChange };

        var score = Build.Score(Build.AtLevel(RelationshipLevel.Partner), history);

        Assert.That(score.RelationshipLevel, Is.EqualTo(RelationshipLevel.Partner));
        Assert.That(score.PreviousLevel, Is.EqualTo(RelationshipLevel.Service));
        Assert.That(score.LevelChangedOn, Is.EqualTo(Build.Now));
        Assert.That(score.Direction, Is.EqualTo(Direction.ComingTogether));
    }

    [Test]
    public void LevelFell_ChangeRecordedNowAndComingApart()
    {
        var history = new LevelHistory { StoredLevel = RelationshipLevel.Advisor };

        var score = Build.Score(Build.AtLevel(RelationshipLevel.Service), history);

        Assert.That(score.PreviousLevel, Is.EqualTo(RelationshipLevel.Advisor));
        Assert.That(score.LevelChangedOn, Is.EqualTo(Build.Now));
        Assert.That(score.Direction, Is.EqualTo(Direction.ComingApart));
    }

    [Test]
    public void LevelUnchangedAndNeverChanged_Steady()
    {
        var history = new LevelHistory { StoredLevel = RelationshipLevel.Partner };

        var score = Build.Score(Build.AtLevel(RelationshipLevel.Partner), history);

        Assert.That(score.PreviousLevel, Is.Null);
        Assert.That(score.LevelChangedOn, Is.Null);
        Assert.That(score.Direction, Is.EqualTo(Direction.Steady));
    }

    [Test]
    public void LevelUnchangedAfterARise_HistoryCarriedAndStillComingTogether()
    {
        var history = new LevelHistory { StoredLevel = RelationshipLevel.Partner, PreviousLevel = RelationshipLevel.Service, LevelChangedOn = EarlierChange };

        var score = Build.Score(Build.AtLevel(RelationshipLevel.Partner), history);

        Assert.That(score.PreviousLevel, Is.EqualTo(RelationshipLevel.Service));
        Assert.That(score.LevelChangedOn, Is.EqualTo(EarlierChange));
        Assert.That(score.Direction, Is.EqualTo(Direction.ComingTogether));
    }

    [Test]
    public void LevelUnchangedAfterAFall_HistoryCarriedAndStillComingApart()
    {
        var history = new LevelHistory { StoredLevel = RelationshipLevel.Partner, PreviousLevel = RelationshipLevel.InnerCircle, LevelChangedOn = EarlierChange };

        var score = Build.Score(Build.AtLevel(RelationshipLevel.Partner), history);

        Assert.That(score.PreviousLevel, Is.EqualTo(RelationshipLevel.InnerCircle));
        Assert.That(score.LevelChangedOn, Is.EqualTo(EarlierChange));
        Assert.That(score.Direction, Is.EqualTo(Direction.ComingApart));
    }

    [Test]
    public void LevelRoseButRiskBehaviourObserved_RiskOverridesToComingApart()
    {
        var history = new LevelHistory { StoredLevel = RelationshipLevel.Transactional };

        var score = Build.Score(Build.AtLevel(RelationshipLevel.Advisor, risks: new[] { RiskBehaviour.Criticism }), history);

        Assert.That(score.PreviousLevel, Is.EqualTo(RelationshipLevel.Transactional));
        Assert.That(score.LevelChangedOn, Is.EqualTo(Build.Now));
        Assert.That(score.Direction, Is.EqualTo(Direction.ComingApart));
    }

    [Test]
    public void LevelUnchangedAndNeverChangedButRiskObserved_ComingApart()
    {
        var history = new LevelHistory { StoredLevel = RelationshipLevel.Partner };

        var score = Build.Score(Build.AtLevel(RelationshipLevel.Partner, risks: new[] { RiskBehaviour.Defensiveness }), history);

        Assert.That(score.Direction, Is.EqualTo(Direction.ComingApart));
    }

    [Test]
    public void LevelToNoLevel_ChangeRecordedAndComingApart()
    {
        var history = new LevelHistory { StoredLevel = RelationshipLevel.Service };

        var score = Build.Score(Build.Contact(), history);

        Assert.That(score.RelationshipLevel, Is.Null);
        Assert.That(score.PreviousLevel, Is.EqualTo(RelationshipLevel.Service));
        Assert.That(score.LevelChangedOn, Is.EqualTo(Build.Now));
        Assert.That(score.Direction, Is.EqualTo(Direction.ComingApart));
    }

    [Test]
    public void NoLevelToLevel_ChangeRecordedAndComingTogether()
    {
        var history = new LevelHistory { StoredLevel = null };

        var score = Build.Score(Build.AtLevel(RelationshipLevel.Transactional), history);

        Assert.That(score.PreviousLevel, Is.Null);
        Assert.That(score.LevelChangedOn, Is.EqualTo(Build.Now));
        Assert.That(score.Direction, Is.EqualTo(Direction.ComingTogether));
    }

    [Test]
    public void NoLevelStaysNoLevel_HistoryCarried()
    {
        var history = new LevelHistory { StoredLevel = null, PreviousLevel = RelationshipLevel.Partner, LevelChangedOn = EarlierChange };

        var score = Build.Score(Build.Contact(), history);

        Assert.That(score.PreviousLevel, Is.EqualTo(RelationshipLevel.Partner));
        Assert.That(score.LevelChangedOn, Is.EqualTo(EarlierChange));
        Assert.That(score.Direction, Is.EqualTo(Direction.ComingApart));
    }

    [Test]
    public void LevelRose_ExplanationSaysFromWhatToWhat()
    {
        var history = new LevelHistory { StoredLevel = RelationshipLevel.Service };

        var score = Build.Score(Build.AtLevel(RelationshipLevel.Advisor), history);

        var line = Line(score.Explanation, "Coming together");
        Assert.That(line, Does.Contain("Service"));
        Assert.That(line, Does.Contain("Advisor"));
    }

    [Test]
    public void RiskObserved_ExplanationNamesTheRiskBehaviours()
    {
        var score = Build.Score(Build.AtLevel(RelationshipLevel.Partner, risks: new[] { RiskBehaviour.Contempt, RiskBehaviour.Stonewalling }));

        var line = Line(score.Explanation, "Coming apart");
        Assert.That(line, Does.Contain("Contempt"));
        Assert.That(line, Does.Contain("Stonewalling"));
        Assert.That(line, Does.Not.Contain("Criticism"));
    }

    private static string Line(string explanation, string containing)
    {
        foreach (var line in explanation.Split('\n'))
        {
            if (line.Contains(containing, StringComparison.Ordinal))
            {
                return line;
            }
        }

        Assert.Fail("No line containing '" + containing + "' in:\n" + explanation);
        return string.Empty;
    }
}
