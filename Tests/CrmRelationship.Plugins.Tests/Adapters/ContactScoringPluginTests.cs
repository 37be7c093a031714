using System;
using System.Collections.Generic;
using System.Linq;
using CrmRelationship.Plugins.Tests.Support;
using CrmRelationship.Scoring;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Plugins.Tests.Adapters;

/// <summary>ContactScoringPlugin through IPlugin.Execute, one test per branch of the adapter.</summary>
[TestFixture]
public sealed class ContactScoringPluginTests
{
    [TestCase("Update", Names.Contact, 40)]
    [TestCase("Create", Names.Contact, 10)]
    [TestCase("Create", Names.Account, 20)]
    [TestCase("Delete", Names.Contact, 20)]
    public void RegisteredOtherwise_TracesAndReturnsWithoutAnyCall(string message, string entity, int stage)
    {
        // Arrange
        var target = Contacts.New(Contacts.FullyAssessed, null, "Ada Lovelace");
        var run = PluginExecution.For(message, entity, stage).WithTarget(target);

        // Act
        run.Run(new ContactScoringPlugin());

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(target.Contains(Names.Computed.RecommendedAction), Is.False);
            Assert.That(run.TraceText, Does.Contain("Not registered as expected"));
            run.VerifyNoServiceUsed();
        });
    }

    [Test]
    public void Create_SetsEveryComputedColumnOnTargetWithoutAnyCall()
    {
        var target = Contacts.New(Contacts.FullyAssessed, null, "Ada Lovelace");
        var run = PluginExecution.For("Create", Names.Contact, 20).WithTarget(target);

        run.Run(new ContactScoringPlugin());

        Assert.Multiple(() =>
        {
            Assert.That(Names.Computed.Contact.Where(c => !target.Contains(c)), Is.Empty);
            Assert.That(Columns.Choice<RecommendedAction>(target, Names.Computed.RecommendedAction), Is.EqualTo(RecommendedAction.HighRiskImprovePerception));
            run.VerifyNoServiceUsed();
        });
    }

    [Test]
    public void Update_ScoresTheTargetMergedOverThePreImage()
    {
        var id = Guid.NewGuid();
        var target = Contacts.Change(id, (Names.ContactInputs.Perception, Columns.Option(Perception.Advocate)));
        var stored = Contacts.New(Contacts.FullyAssessed, null, "Ada Lovelace", id);
        var run = PluginExecution.For("Update", Names.Contact, 20, id).WithTarget(target).WithPreImage(stored);

        run.Run(new ContactScoringPlugin());

        Assert.Multiple(() =>
        {
            Assert.That(Columns.Choice<RecommendedAction>(target, Names.Computed.RecommendedAction), Is.EqualTo(RecommendedAction.HighPotentialLeverage));
            Assert.That(target.Contains(Names.ContactInputs.Relationship), Is.False, "inputs the caller did not send are not added");
            run.VerifyNoServiceUsed();
        });
    }

    [Test]
    public void UpdateWithoutPreImage_ThrowsAUserMessageNamingTheImage()
    {
        var id = Guid.NewGuid();
        var run = PluginExecution.For("Update", Names.Contact, 20, id).WithTarget(Contacts.Change(id, (Names.ContactInputs.Perception, Columns.Option(Perception.Advocate))));

        var thrown = Assert.Throws<InvalidPluginExecutionException>(() => run.Run(new ContactScoringPlugin()));

        Assert.Multiple(() =>
        {
            Assert.That(thrown!.Message, Does.Contain("no pre-image named PreImage"));
            run.VerifyNoServiceUsed();

            // A registration without an image is not the user's doing: handled as an unexpected error.
            Assert.That(thrown.Message, Does.Contain(run.CorrelationId.ToString()));
            Assert.That(run.TraceText, Does.Contain("no pre-image named PreImage"));
        });
    }

    public static IEnumerable<TestCaseData> ValuesOutsideTheirChoice()
    {
        yield return new TestCaseData(Names.ContactInputs.Perception, ChoiceValues.After<Perception>(), false);
        yield return new TestCaseData(Names.ContactInputs.ObservedBehaviours, ChoiceValues.After<RelationshipBehaviour>(), true);
    }

    [TestCaseSource(nameof(ValuesOutsideTheirChoice))]
    public void OptionValueOutsideTheChoice_IsRefusedInOneSentenceNamingColumnAndValue(string column, int value, bool multiSelect)
    {
        // Arrange
        var target = Contacts.New(Contacts.FullyAssessed, null, "Ada Lovelace");
        target[column] = multiSelect ? new OptionSetValueCollection { new OptionSetValue(value) } : new OptionSetValue(value);
        var run = PluginExecution.For("Create", Names.Contact, 20).WithTarget(target);

        // Act
        var thrown = Assert.Throws<InvalidPluginExecutionException>(() => run.Run(new ContactScoringPlugin()));

        // Assert: style.md, "one sentence that tells the user what to change".
        Assert.Multiple(() =>
        {
            Assert.That(thrown!.Message, Does.Contain(column).And.Contain(value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(System.Text.RegularExpressions.Regex.Matches(thrown.Message, @"[.!?](\s|$)"), Has.Count.EqualTo(1), thrown.Message);
        });
    }

    [Test]
    public void UnexpectedException_IsReportedWithTheCorrelationIdAndTracedInFull()
    {
        // Arrange: a context without InputParameters makes the adapter fail in an unforeseen way.
        var run = PluginExecution.For("Create", Names.Contact, 20);
        run.Context.SetupGet(c => c.InputParameters).Returns((ParameterCollection)null!);

        // Act
        var thrown = Assert.Throws<InvalidPluginExecutionException>(() => run.Run(new ContactScoringPlugin()));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(thrown!.Message, Does.Contain(run.CorrelationId.ToString()).And.Not.Contain("NullReference"));
            Assert.That(run.TraceText, Does.Contain("failed unexpectedly").And.Contain(nameof(NullReferenceException)).And.Contain(" at "));
        });
    }

    [Test]
    public void NoTracingService_StillScores()
    {
        var target = Contacts.New(Contacts.FullyAssessed, null, "Ada Lovelace");
        var run = PluginExecution.For("Create", Names.Contact, 20).WithTarget(target).WithoutTracing();

        run.Run(new ContactScoringPlugin());

        Assert.That(target.Contains(Names.Computed.RecommendedAction), Is.True);
    }
}
