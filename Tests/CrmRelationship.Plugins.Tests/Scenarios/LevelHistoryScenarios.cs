using System;
using System.Linq;
using CrmRelationship.Plugins.Tests.Support;
using CrmRelationship.Scoring;
using CrmRelationship.Testing;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Plugins.Tests.Scenarios;

/// <summary>
/// The previous level, the date of the change and the direction survive from save to save: they
/// reach the scoring step only through its registered pre-image.
/// </summary>
[TestFixture]
public sealed class LevelHistoryScenarios
{
    private static readonly RelationshipBehaviour[] Transactional = { RelationshipBehaviour.BuysFromUs };
    private static readonly RelationshipBehaviour[] Service = { RelationshipBehaviour.BuysFromUs, RelationshipBehaviour.ReliesOnOurSupport };

    [Test]
    public void LevelRisesThenFalls_PreviousLevelChangeDateAndDirectionAreKept()
    {
        // Arrange
        var crm = Crm.Registered();
        var id = crm.CreateContact(new ContactInputs { ObservedBehaviours = Transactional }, null, "Ada Lovelace");
        var created = crm.Contact(id);

        // Act and assert, save by save
        var rose = Save(crm, id, (Names.ContactInputs.ObservedBehaviours, Columns.Options(Service)));
        var unrelated = Save(crm, id, (Names.ContactInputs.Perception, Columns.Option(Perception.Advocate)));
        var fell = Save(crm, id, (Names.ContactInputs.ObservedBehaviours, Columns.Options(Transactional)));

        Assert.Multiple(() =>
        {
            Assert.That(History(created), Is.EqualTo((RelationshipLevel.Transactional, (RelationshipLevel?)null, Direction.Steady)));
            Assert.That(created.Contains(Names.Computed.LevelChangedOn), Is.False);

            Assert.That(History(rose), Is.EqualTo((RelationshipLevel.Service, (RelationshipLevel?)RelationshipLevel.Transactional, Direction.ComingTogether)));
            Assert.That(rose[Names.Computed.LevelChangedOn], Is.EqualTo(rose[Names.Computed.ScoredOn]), "the change is stamped with the save's time");

            Assert.That(History(unrelated), Is.EqualTo(History(rose)), "a save that keeps the level keeps its history");
            Assert.That(unrelated[Names.Computed.LevelChangedOn], Is.EqualTo(rose[Names.Computed.LevelChangedOn]));

            Assert.That(History(fell), Is.EqualTo((RelationshipLevel.Transactional, (RelationshipLevel?)RelationshipLevel.Service, Direction.ComingApart)));
            Assert.That(fell[Names.Computed.LevelChangedOn], Is.EqualTo(fell[Names.Computed.ScoredOn]));
        });
    }

    [Test]
    public void UpdatePreImageWithoutTheStoredHistory_LosesIt_SoTheRegisteredImageColumnsMatter()
    {
        // Arrange: the registration as it would be if the pre-image lacked the two history columns.
        var crm = Crm.Registered(s => s.PluginClassName.EndsWith(Crm.ContactScoring, StringComparison.Ordinal) && s.Message == PipelineMessages.Update
            ? s with { Images = s.Images.Select(i => i with { Attributes = i.Attributes.Where(a => a is not (Names.Computed.PreviousLevel or Names.Computed.LevelChangedOn)).ToList() }).ToList() }
            : s);
        var id = crm.CreateContact(new ContactInputs { ObservedBehaviours = Transactional }, null, "Ada Lovelace");
        Save(crm, id, (Names.ContactInputs.ObservedBehaviours, Columns.Options(Service)));

        // Act
        crm.Update(Contacts.Change(id, (Names.ContactInputs.Perception, Columns.Option(Perception.Advocate))));

        // Assert: with the registered image it would stay (Service, Transactional, Coming together).
        Assert.That(History(crm.Contact(id)), Is.EqualTo((RelationshipLevel.Service, (RelationshipLevel?)null, Direction.Steady)));
    }

    private static Entity Save(Pipeline crm, Guid id, params (string Column, object? Value)[] changes)
    {
        var before = crm.Contact(id);
        crm.Update(Contacts.Change(id, changes));
        var row = crm.Contact(id);
        var expected = RelationshipScorer.Default.ScoreContact(Contacts.InputsOf(row), Contacts.HistoryOf(before), Contacts.ScoredOn(row));
        Assert.That(Contacts.Computed(row), Is.EqualTo(Contacts.Expected(expected)), "every computed column is the scorer's");
        return row;
    }

    private static (RelationshipLevel? Level, RelationshipLevel? Previous, Direction? Direction) History(Entity row) => (
        Columns.Choice<RelationshipLevel>(row, Names.Computed.RelationshipLevel),
        Columns.Choice<RelationshipLevel>(row, Names.Computed.PreviousLevel),
        Columns.Choice<Direction>(row, Names.Computed.Direction));
}
