using System;
using CrmRelationship.Plugins.Tests.Support;
using CrmRelationship.Scoring;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Moq;
using NUnit.Framework;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Plugins.Tests.Adapters;

/// <summary>ContactRollupPlugin through IPlugin.Execute, one test per branch of the adapter.</summary>
[TestFixture]
public sealed class ContactRollupPluginTests
{
    private static readonly Guid AccountId = new("aaaaaaaa-0000-0000-0000-00000000000a");

    [TestCase("Update", Names.Contact, 20)]
    [TestCase("Create", Names.Account, 40)]
    [TestCase("Assign", Names.Contact, 40)]
    public void RegisteredOtherwise_TracesAndReturnsWithoutAnyCall(string message, string entity, int stage)
    {
        var run = PluginExecution.For(message, entity, stage).WithPreImage(Image(Perception.Detractor)).WithPostImage(Image(Perception.Advocate));

        run.Run(new ContactRollupPlugin());

        Assert.Multiple(() =>
        {
            Assert.That(run.TraceText, Does.Contain("Not registered as expected"));
            run.VerifyNoServiceUsed();
        });
    }

    [TestCase("Update", "PreImage")]
    [TestCase("Update", "PostImage")]
    [TestCase("Delete", "PreImage")]
    [TestCase("Create", "PostImage")]
    public void MissingImage_ThrowsAUserMessageNamingIt(string message, string missing)
    {
        var run = PluginExecution.For(message, Names.Contact, 40);
        if (missing != "PreImage")
        {
            run.WithPreImage(Image(Perception.Detractor));
        }

        if (missing != "PostImage")
        {
            run.WithPostImage(Image(Perception.Advocate));
        }

        var thrown = Assert.Throws<InvalidPluginExecutionException>(() => run.Run(new ContactRollupPlugin()));

        Assert.Multiple(() =>
        {
            Assert.That(thrown!.Message, Does.Contain("no image named " + missing));
            run.VerifyNoServiceUsed();

            // A registration without an image is not the user's doing: handled as an unexpected error.
            Assert.That(thrown.Message, Does.Contain(run.CorrelationId.ToString()));
            Assert.That(run.TraceText, Does.Contain("no image named " + missing));
        });
    }

    [Test]
    public void UpdateThatChangesNothingRolledUp_MakesNoCall()
    {
        var run = PluginExecution.For("Update", Names.Contact, 40).WithPreImage(Image(Perception.Detractor)).WithPostImage(Image(Perception.Detractor));

        run.Run(new ContactRollupPlugin());

        Assert.Multiple(() =>
        {
            Assert.That(run.TraceText, Does.Contain("no call made"));
            run.VerifyNoServiceUsed();
        });
    }

    [Test]
    public void UpdateThatChangesTheAction_RecomputesTheAccountAsSystemWithOneOfEachCall()
    {
        // Arrange
        var after = Image(Perception.Advocate);
        var run = PluginExecution.For("Update", Names.Contact, 40, after.Id).WithPreImage(Image(Perception.Detractor)).WithPostImage(after);
        Entity? written = null;
        run.Service.Setup(s => s.Retrieve(Names.Account, AccountId, It.IsAny<ColumnSet>())).Returns(new Entity(Names.Account, AccountId));
        run.Service.Setup(s => s.RetrieveMultiple(It.Is<QueryBase>(q => Queries.IsActiveContactsOf(q, AccountId)))).Returns(Queries.OnePage(after));
        run.Service.Setup(s => s.Update(It.IsAny<Entity>())).Callback<Entity>(e => written = e);

        // Act
        run.Run(new ContactRollupPlugin());

        // Assert
        Assert.Multiple(() =>
        {
            run.Factory.Verify(f => f.CreateOrganizationService(null), Times.Once);
            run.Service.Verify(s => s.Retrieve(Names.Account, AccountId, It.IsAny<ColumnSet>()), Times.Once);
            run.Service.Verify(s => s.RetrieveMultiple(It.IsAny<QueryBase>()), Times.Once);
            run.Service.Verify(s => s.Update(It.Is<Entity>(e => e.LogicalName == Names.Account && e.Id == AccountId)), Times.Once);
            Assert.That(written![Names.Computed.AssessedContacts], Is.EqualTo(1));
            Assert.That(written.GetAttributeValue<EntityReference>(Names.Computed.KeyContactId).Id, Is.EqualTo(after.Id));
        });
    }

    [Test]
    public void ServiceFailsUnexpectedly_UserSeesTheCorrelationIdAndTheTraceHasTheWholeException()
    {
        // Arrange
        var run = PluginExecution.For("Update", Names.Contact, 40).WithPreImage(Image(Perception.Detractor)).WithPostImage(Image(Perception.Advocate));
        run.Service.Setup(s => s.Retrieve(It.IsAny<string>(), It.IsAny<Guid>(), It.IsAny<ColumnSet>())).Throws(new TimeoutException("boom: SQL timeout"));

        // Act
        var thrown = Assert.Throws<InvalidPluginExecutionException>(() => run.Run(new ContactRollupPlugin()));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(thrown!.Message, Does.Contain(run.CorrelationId.ToString()).And.Not.Contain("boom"));
            Assert.That(run.TraceText, Does.Contain(nameof(TimeoutException)).And.Contain("boom: SQL timeout").And.Contain(" at "));
        });
    }

    /// <summary>A rollup image of one active contact of the account, with the values a scored contact carries.</summary>
    private static Entity Image(Perception perception)
    {
        var image = new Entity(Names.Contact, new Guid("c0000000-0000-0000-0000-00000000000c"));
        image[Names.Standard.ParentCustomerId] = new EntityReference(Names.Account, AccountId);
        image[Names.Standard.StateCode] = new OptionSetValue(States.Active);
        image[Names.ContactInputs.OrganizationalPower] = Columns.Option(OrganizationalPower.High);
        image[Names.ContactInputs.Relationship] = Columns.Option(RelationshipStatus.No);
        image[Names.Computed.RecommendedAction] = Columns.Option(perception == Perception.Advocate ? RecommendedAction.HighPotentialFindASponsor : RecommendedAction.HighRiskImprovePerception);
        return image;
    }
}
