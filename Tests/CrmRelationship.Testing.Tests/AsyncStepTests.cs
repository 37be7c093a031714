using System.Linq;
using CrmRelationship.Testing.Tests.Fakes;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;
using static CrmRelationship.Testing.Tests.Fakes.TestSteps;

namespace CrmRelationship.Testing.Tests;

/// <summary>
/// Asynchronous steps (mode 1): queued by the operation, run after it commits as system jobs with their own
/// transaction and calls; a failed job is recorded and undone, and never fails or undoes the caller's save.
/// </summary>
[TestFixture]
public sealed class AsyncStepTests
{
    private const string Create = PipelineMessages.Create;

    [Test]
    public void AsyncStep_RunsAfterTheCommitWithItsOwnCalls()
    {
        // Arrange
        var crm = NewPipeline(
            Async(Step<ParentWriterPlugin>(Create, TestNames.Contact, 40, null, null, PostImage("id", TestNames.ParentCustomerId))),
            Step<TracingPlugin>(Create, TestNames.Contact, 40));
        var account = crm.Store.Seed(new Entity(TestNames.Account));

        // Act
        crm.Create(new Entity(TestNames.Contact) { [TestNames.ParentCustomerId] = new EntityReference(TestNames.Account, account) });

        // Assert
        var op = crm.LastOperation;
        var job = op.AsyncOperations.Single();
        Assert.Multiple(() =>
        {
            Assert.That((op.Steps.Count, op.CallCounts.Total), Is.EqualTo((1, 0)), "the synchronous pipeline ran only the synchronous step and made no call");
            Assert.That((job.Asynchronous, job.Succeeded, job.Steps[0].Context.Mode, job.Steps[0].Context.ParentContext), Is.EqualTo((true, true, 1, (IPluginExecutionContext?)null)));
            Assert.That((op.AsyncCallCounts.Update, job.CallCounts.Update), Is.EqualTo((1, 1)));
            Assert.That(crm.Store.Get(TestNames.Account, account)[TestNames.Description], Is.EqualTo("written at depth 1"));
            Assert.That(crm.Operations, Has.Count.EqualTo(1), "a system job is not one of the caller's operations");
        });
    }

    [Test]
    public void AsyncStepFails_CallersSaveStandsAndTheJobIsRecordedAsFailed()
    {
        var crm = NewPipeline(Async(Step<ThrowingPlugin>(Create, TestNames.Contact, 40, configuration: "job failed")));

        var id = crm.Create(new Entity(TestNames.Contact) { [TestNames.FullName] = "Ada" });

        var job = crm.LastOperation.AsyncOperations.Single();
        Assert.That((crm.LastOperation.Succeeded, crm.Store.Find(TestNames.Contact, id) is not null, job.Succeeded, job.Exception?.Message),
            Is.EqualTo((true, true, false, "job failed")));
    }

    [Test]
    public void SynchronousStepFails_QueuedAsyncStepNeverRuns()
    {
        var crm = NewPipeline(
            Async(Step<TracingPlugin>(Create, TestNames.Contact, 40)),
            Step<ThrowingPlugin>(Create, TestNames.Contact, 40, configuration: "refused"));

        Assert.That(() => crm.Create(new Entity(TestNames.Contact)), Throws.TypeOf<InvalidPluginExecutionException>());
        Assert.That((crm.LastOperation.Succeeded, crm.LastOperation.AsyncOperations.Count), Is.EqualTo((false, 0)));
    }

    [Test]
    public void AsyncUpdateStep_HonoursFilteringAttributesAndGetsTheImagesOfTheEvent()
    {
        var crm = NewPipeline(Async(Step<TracingPlugin>(PipelineMessages.Update, TestNames.Contact, 40, new[] { TestNames.FirstName }, null, PreImage(TestNames.FirstName))));
        var id = crm.Create(new Entity(TestNames.Contact) { [TestNames.FirstName] = "Ada" });

        crm.Update(new Entity(TestNames.Contact, id) { [TestNames.Description] = "not filtered" });
        var unfiltered = crm.LastOperation.AsyncOperations.Count;
        crm.Update(new Entity(TestNames.Contact, id) { [TestNames.FirstName] = "Grace" });
        var job = crm.LastOperation.AsyncOperations.Single();

        Assert.That((unfiltered, job.Steps[0].Context.PreEntityImages["PreImage"][TestNames.FirstName]), Is.EqualTo((0, (object)"Ada")));
    }

    private static CrmRelationship.SolutionModel.StepRegistration Async(CrmRelationship.SolutionModel.StepRegistration step) => step with { Mode = 1 };
}
