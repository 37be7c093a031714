using System;
using System.Linq;
using CrmRelationship.Plugins.Tests.Support;
using CrmRelationship.Scoring;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Moq;
using NUnit.Framework;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Plugins.Tests.Adapters;

/// <summary>AccountScoringPlugin through IPlugin.Execute, one test per branch of the adapter.</summary>
[TestFixture]
public sealed class AccountScoringPluginTests
{
    [TestCase("Update", Names.Account, 40)]
    [TestCase("Update", Names.Contact, 20)]
    [TestCase("Delete", Names.Account, 20)]
    public void RegisteredOtherwise_TracesAndReturnsWithoutAnyCall(string message, string entity, int stage)
    {
        var target = new Entity(Names.Account, Guid.NewGuid());
        var run = PluginExecution.For(message, entity, stage).WithTarget(target).WithPreImage(new Entity(Names.Account));

        run.Run(new AccountScoringPlugin());

        Assert.Multiple(() =>
        {
            Assert.That(target.Attributes, Is.Empty);
            Assert.That(run.TraceText, Does.Contain("Not registered as expected"));
            run.VerifyNoServiceUsed();
        });
    }

    [Test]
    public void Create_ComputesTheAccountWithoutAnyCall()
    {
        var target = Accounts.New("Contoso", new AccountInputs { CustomerViewLevel = RelationshipLevel.Partner });
        var run = PluginExecution.For("Create", Names.Account, 20).WithTarget(target);

        run.Run(new AccountScoringPlugin());

        Assert.Multiple(() =>
        {
            Assert.That(Names.Computed.Account.Where(c => !target.Contains(c)), Is.Empty);
            Assert.That(target[Names.Computed.AssessedContacts], Is.Zero);
            run.VerifyNoServiceUsed();
        });
    }

    [Test]
    public void Update_ReadsTheActiveContactsInOneQueryPageAsSystem()
    {
        var id = Guid.NewGuid();
        var run = PluginExecution.For("Update", Names.Account, 20, id)
            .WithTarget(new Entity(Names.Account, id) { [Names.AccountInputs.CustomerViewLevel] = Columns.Option(RelationshipLevel.Advisor) })
            .WithPreImage(new Entity(Names.Account, id));
        run.Service.Setup(s => s.RetrieveMultiple(It.Is<QueryBase>(q => Queries.IsActiveContactsOf(q, id)))).Returns(Queries.OnePage());

        run.Run(new AccountScoringPlugin());

        Assert.Multiple(() =>
        {
            run.Factory.Verify(f => f.CreateOrganizationService(null), Times.Once);
            run.Service.Verify(s => s.RetrieveMultiple(It.IsAny<QueryBase>()), Times.Once);
            run.Service.VerifyNoOtherCalls();
        });
    }

    [Test]
    public void UpdateWithoutPreImage_ThrowsAUserMessageNamingTheImage()
    {
        var id = Guid.NewGuid();
        var run = PluginExecution.For("Update", Names.Account, 20, id).WithTarget(new Entity(Names.Account, id));

        var thrown = Assert.Throws<InvalidPluginExecutionException>(() => run.Run(new AccountScoringPlugin()));

        Assert.Multiple(() =>
        {
            Assert.That(thrown!.Message, Does.Contain("no pre-image named PreImage"));
            run.VerifyNoServiceUsed();

            // A registration without an image is not the user's doing: handled as an unexpected error.
            Assert.That(thrown.Message, Does.Contain(run.CorrelationId.ToString()));
            Assert.That(run.TraceText, Does.Contain("no pre-image named PreImage"));
        });
    }

    [Test]
    public void QueryFailsUnexpectedly_UserSeesTheCorrelationIdAndTheTraceHasTheWholeException()
    {
        var id = Guid.NewGuid();
        var run = PluginExecution.For("Update", Names.Account, 20, id).WithTarget(new Entity(Names.Account, id)).WithPreImage(new Entity(Names.Account, id));
        run.Service.Setup(s => s.RetrieveMultiple(It.IsAny<QueryBase>())).Throws(new InvalidOperationException("boom: throttled"));

        var thrown = Assert.Throws<InvalidPluginExecutionException>(() => run.Run(new AccountScoringPlugin()));

        Assert.Multiple(() =>
        {
            Assert.That(thrown!.Message, Does.Contain(run.CorrelationId.ToString()).And.Not.Contain("boom"));
            Assert.That(run.TraceText, Does.Contain("boom: throttled").And.Contain(" at "));
        });
    }
}
