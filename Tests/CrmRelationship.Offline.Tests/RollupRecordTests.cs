using System;
using CrmRelationship.Offline.Rollup;
using CrmRelationship.Scoring;
using NUnit.Framework;

namespace CrmRelationship.Offline.Tests;

/// <summary>The compact records kept per contact give back exactly what the Scoring library's own types hold.</summary>
[TestFixture]
public sealed class RollupRecordTests
{
    [Test]
    public void RollupContact_GivesTheSameAccountContactAsTheLibrary()
    {
        var arena = new TextArena();
        var inputs = new ContactInputs
        {
            Relationship = RelationshipStatus.Yes,
            OrganizationalPower = OrganizationalPower.High,
            Perception = Perception.Detractor,
            ActivityLevel = ActivityLevel.Active,
            ObservedBehaviours = new[] { RelationshipBehaviour.BuysFromUs, RelationshipBehaviour.ReliesOnOurSupport },
            CustomerViewLevel = RelationshipLevel.InnerCircle,
            PrimaryNeed = HumanNeed.Contribution,
        };
        var score = RelationshipScorer.Default.ScoreContact(inputs, null, new DateTime(2026, 11, 24));
        var created = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);

        var packed = new RollupContact(arena, "c-1", "Zoë Ångström", created, inputs, score).ToAccountContact(arena);
        var expected = AccountContact.From("c-1", "Zoë Ångström", created, inputs, score);

        Assert.Multiple(() =>
        {
            Assert.That(packed.Id, Is.EqualTo(expected.Id));
            Assert.That(packed.Name, Is.EqualTo(expected.Name));
            Assert.That(packed.CreatedOn, Is.EqualTo(expected.CreatedOn));
            Assert.That(packed.OrganizationalPower, Is.EqualTo(expected.OrganizationalPower));
            Assert.That(packed.Relationship, Is.EqualTo(expected.Relationship));
            Assert.That(packed.RecommendedAction, Is.EqualTo(expected.RecommendedAction));
            Assert.That(packed.RelationshipLevel, Is.EqualTo(expected.RelationshipLevel));
            Assert.That(packed.HealthScore, Is.EqualTo(expected.HealthScore));
            Assert.That(packed.ExpectationGap, Is.EqualTo(expected.ExpectationGap).And.EqualTo(-3));
            Assert.That(packed.NextStep, Is.EqualTo(expected.NextStep).And.Not.Null);
        });
    }

    [Test]
    public void RollupContact_ScoredNextStep_IsCarriedAsComposedNotRecomposed()
    {
        // Arrange: a next step with the not-yet-noticed sentence (issue 14 passes the flag), which action and need alone cannot give.
        var arena = new TextArena();
        var inputs = new ContactInputs
        {
            Relationship = RelationshipStatus.No,
            OrganizationalPower = OrganizationalPower.High,
            Perception = Perception.Detractor,
            ActivityLevel = ActivityLevel.Active,
            PrimaryNeed = HumanNeed.Growth,
        };
        var scored = RelationshipScorer.Default.ScoreContact(inputs, null, new DateTime(2026, 11, 24));
        var notYetNoticed = ScoringSettings.Default.NextStep(scored.RecommendedAction, HumanNeed.Growth, notYetNoticed: true);
        var score = new ContactScore { RecommendedAction = scored.RecommendedAction, NextStep = notYetNoticed };

        // Act
        var packed = new RollupContact(arena, "c-3", "Corinne Favre", null, inputs, score).ToAccountContact(arena);

        // Assert
        Assert.That(packed.NextStep, Is.EqualTo(notYetNoticed).And.EndsWith(NextSteps.KeepInRegularContact));
    }

    [Test]
    public void RollupContact_NothingAssessed_GivesNulls()
    {
        var arena = new TextArena();
        var score = RelationshipScorer.Default.ScoreContact(ContactInputs.Empty, null, new DateTime(2026, 11, 24));

        var packed = new RollupContact(arena, "c-2", string.Empty, null, ContactInputs.Empty, score).ToAccountContact(arena);

        Assert.That(new object?[] { packed.Name, packed.CreatedOn, packed.OrganizationalPower, packed.RecommendedAction, packed.RelationshipLevel, packed.HealthScore, packed.ExpectationGap },
            Is.EqualTo(new object?[] { string.Empty, null, null, null, null, null, null }));
    }

    [Test]
    public void TextArena_TextsAcrossChunkBoundaries_ReadBackExactly()
    {
        var arena = new TextArena();
        var starts = new long[3000];
        for (var i = 0; i < starts.Length; i++)
        {
            starts[i] = arena.Add(new string((char)('a' + (i % 26)), 700), "#" + i);
        }

        for (var i = 0; i < starts.Length; i++)
        {
            Assert.That(arena.GetString(starts[i], 700 + 1 + i.ToString(System.Globalization.CultureInfo.InvariantCulture).Length), Is.EqualTo(new string((char)('a' + (i % 26)), 700) + "#" + i));
        }
    }

    [Test]
    public void ContactIdIndex_GuidsDifferingOnlyInCase_AreTheSameId()
    {
        var index = new ContactIdIndex();
        index.Add("6079ed29-cf2b-5d3f-813e-3df1b62ea84c", 2);
        index.Add("Contact-A", 3);

        Assert.Multiple(() =>
        {
            Assert.That(index.TryGetLine("6079ED29-CF2B-5D3F-813E-3DF1B62EA84C", out var guidLine), Is.True);
            Assert.That(guidLine, Is.EqualTo(2));
            Assert.That(index.TryGetLine("contact-a", out var textLine), Is.True);
            Assert.That(textLine, Is.EqualTo(3));
            Assert.That(index.TryGetLine("{6079ed29-cf2b-5d3f-813e-3df1b62ea84c}", out _), Is.False);
        });
    }
}
