using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;

namespace CrmRelationship.Scoring.Tests.Properties;

/// <summary>Rules that must hold for every contact input (style.md: "Property tests").</summary>
[TestFixture]
public sealed class ContactProperties
{
    [FsCheck.NUnit.Property(Arbitrary = new[] { typeof(Generators) }, MaxTest = 500)]
    public Property Matrix_IsTotalAndDeterministic(ContactCase c)
    {
        var inputs = c.Inputs;
        var first = RelationshipScorer.Default.ScoreContact(inputs, c.History, c.Now);
        var second = RelationshipScorer.Default.ScoreContact(inputs, c.History, c.Now);

        var complete = inputs.Relationship is not null && inputs.OrganizationalPower is not null && inputs.Perception is not null && inputs.ActivityLevel is not null;
        var expected = complete
            ? Model.Matrix[Model.RowKey(inputs.Relationship!.Value, inputs.OrganizationalPower!.Value, inputs.Perception!.Value, inputs.ActivityLevel!.Value)]
            : null;
        var actual = first.RecommendedAction is { } action ? Labels.Of(action) : null;

        return (actual == expected).Label("action " + actual + " expected " + expected)
            .And((first.RecommendedAction == second.RecommendedAction).Label("deterministic"));
    }

    [FsCheck.NUnit.Property(Arbitrary = new[] { typeof(Generators) }, MaxTest = 500)]
    public Property Outputs_StayInRange(ContactCase c)
    {
        var score = RelationshipScorer.Default.ScoreContact(c.Inputs, c.History, c.Now);

        var gapOk = score.ExpectationGap is null
            ? score.ExpectationGapScore is null && score.ExpectationAlignment is null
            : score.ExpectationGap is >= -4 and <= 4
              && score.ExpectationGapScore == 25 * Math.Abs(score.ExpectationGap.Value)
              && score.ExpectationAlignment == (score.ExpectationGap > 0 ? ExpectationAlignment.Overestimated
                  : score.ExpectationGap < 0 ? ExpectationAlignment.Underestimated : ExpectationAlignment.Aligned);
        var gapScoreOk = score.ExpectationGapScore is null || (score.ExpectationGapScore is >= 0 and <= 100 && score.ExpectationGapScore % 25 == 0);
        var healthOk = score.HealthScore is null || score.HealthScore is >= 0 and <= 100;
        var dueOk = score.NextFeedbackDue is null || score.NextFeedbackDue.Value.TimeOfDay == TimeSpan.Zero;
        var direction = Enum.IsDefined(score.Direction);

        return gapOk.Label("gap, score and alignment agree and gap is within −4..4")
            .And(gapScoreOk.Label("gap score 0..100 in steps of 25"))
            .And(healthOk.Label("health 0..100"))
            .And(dueOk.Label("next feedback due is a date"))
            .And(direction.Label("direction is an option"));
    }

    [FsCheck.NUnit.Property(Arbitrary = new[] { typeof(Generators) }, MaxTest = 500)]
    public Property Level_NeverExceedsTheHighestContiguousRung(ContactCase c)
    {
        var score = RelationshipScorer.Default.ScoreContact(c.Inputs, c.History, c.Now);

        var highest = Model.HighestContiguousRung(c.Inputs.ObservedBehaviours);
        var rung = score.RelationshipLevel is { } level ? Model.Rung(level) : 0;

        return (rung <= highest).Label("rung " + rung + " <= " + highest)
            .And((rung == highest).Label("and is exactly that rung"));
    }

    [FsCheck.NUnit.Property(Arbitrary = new[] { typeof(Generators) }, MaxTest = 300)]
    public Property Explanation_SameInputSameTextPlainAndShort(ContactCase c)
    {
        var first = RelationshipScorer.Default.ScoreContact(c.Inputs, c.History, c.Now).Explanation;
        var copy = new ContactInputs
        {
            Relationship = c.Inputs.Relationship,
            OrganizationalPower = c.Inputs.OrganizationalPower,
            Perception = c.Inputs.Perception,
            ActivityLevel = c.Inputs.ActivityLevel,
            ObservedBehaviours = c.Inputs.ObservedBehaviours.Reverse().ToArray(),
            RiskBehaviours = c.Inputs.RiskBehaviours.Reverse().ToArray(),
            CustomerViewLevel = c.Inputs.CustomerViewLevel,
            CustomerViewDate = c.Inputs.CustomerViewDate,
            FeedbackCadence = c.Inputs.FeedbackCadence,
        };
        var second = RelationshipScorer.Default.ScoreContact(copy, c.History, c.Now).Explanation;

        return (first == second).Label("same text")
            .And((first.Length is > 0 and <= 2000).Label("1..2000 characters"))
            .And((!first.Contains('<') && !first.Contains('>') && !first.Contains('\r')).Label("no markup"))
            .And((first.Split('\n').All(l => l.Trim().Length > 0)).Label("one finding per line, no empty lines"));
    }

    [FsCheck.NUnit.Property(Arbitrary = new[] { typeof(Generators) }, MaxTest = 300)]
    public Property Direction_FollowsRiskThenTheLastChange(ContactCase c)
    {
        var score = RelationshipScorer.Default.ScoreContact(c.Inputs, c.History, c.Now);

        var risk = c.Inputs.RiskBehaviours.Count > 0;
        var changed = c.History is not null && c.History.StoredLevel != score.RelationshipLevel;
        var expectedPrevious = c.History is null ? null : changed ? c.History.StoredLevel : c.History.PreviousLevel;
        DateTime? expectedChangedOn = c.History is null ? null : changed ? c.Now : c.History.LevelChangedOn;
        var before = expectedPrevious is { } p ? Model.Rung(p) : 0;
        var after = score.RelationshipLevel is { } l ? Model.Rung(l) : 0;
        var expected = risk ? Direction.ComingApart
            : expectedChangedOn is null ? Direction.Steady
            : after < before ? Direction.ComingApart
            : after > before ? Direction.ComingTogether
            : Direction.Steady;

        return (score.PreviousLevel == expectedPrevious).Label("previous level")
            .And((score.LevelChangedOn == expectedChangedOn).Label("level changed on"))
            .And((score.Direction == expected).Label("direction " + score.Direction + " expected " + expected));
    }
}
