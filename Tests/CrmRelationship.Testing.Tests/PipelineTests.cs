using System;
using System.Linq;
using CrmRelationship.Testing.Tests.Fakes;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;
using static CrmRelationship.Testing.Tests.Fakes.TestSteps;

namespace CrmRelationship.Testing.Tests;

/// <summary>The pipeline's behaviour with registrations written in code and small fake plug-ins.</summary>
[TestFixture]
public sealed class PipelineTests
{
    private const string Create = PipelineMessages.Create;
    private const string Update = PipelineMessages.Update;
    private const string Delete = PipelineMessages.Delete;

    [Test]
    public void Create_StepsOfEveryStage_RunInStageOrderAroundTheMainOperation()
    {
        // Arrange
        var crm = NewPipeline(
            Step<TracingPlugin>(Create, TestNames.Contact, 40),
            Step<TargetStampPlugin>(Create, TestNames.Contact, 20, configuration: TestNames.Description + "=stamped"),
            Step<TracingPlugin>(Create, TestNames.Contact, 10));

        // Act
        var id = crm.Create(new Entity(TestNames.Contact));

        // Assert
        var op = crm.LastOperation;
        Assert.Multiple(() =>
        {
            Assert.That(op.Steps.Select(s => s.Stage), Is.EqualTo(new[] { 10, 20, 40 }));
            Assert.That(op.Steps[1].Context.PrimaryEntityId, Is.EqualTo(Guid.Empty), "PreOperation of a Create runs before the row has an id");
            Assert.That(op.Steps[2].Context.PrimaryEntityId, Is.EqualTo(id));
            Assert.That(crm.Store.Get(TestNames.Contact, id)[TestNames.Description], Is.EqualTo("stamped"), "the PreOperation change is saved");
            Assert.That(op.Succeeded, Is.True);
        });
    }

    [Test]
    public void Step_OtherMessageOrTable_DoesNotFire()
    {
        var crm = NewPipeline(Step<TracingPlugin>(Update, TestNames.Contact, 20));

        var contact = crm.Create(new Entity(TestNames.Contact));
        var createSteps = crm.LastOperation.Steps.Count;
        var account = crm.Create(new Entity(TestNames.Account));
        crm.Update(new Entity(TestNames.Account, account) { [TestNames.Description] = "x" });
        var accountSteps = crm.LastOperation.Steps.Count;
        crm.Update(new Entity(TestNames.Contact, contact) { [TestNames.Description] = "x" });

        Assert.Multiple(() =>
        {
            Assert.That(createSteps, Is.Zero);
            Assert.That(accountSteps, Is.Zero);
            Assert.That(crm.LastOperation.Steps, Has.Count.EqualTo(1));
        });
    }

    [TestCase(new[] { TestNames.FirstName }, new[] { TestNames.FirstName }, true)]
    [TestCase(new[] { TestNames.FirstName, TestNames.Description }, new[] { TestNames.Description }, true)]
    [TestCase(new[] { TestNames.FirstName }, new[] { TestNames.Description }, false)]
    [TestCase(new string[0], new[] { TestNames.Description }, true)]
    public void Update_FilteringAttributes_DecideWhetherTheStepFires(string[] filtering, string[] changed, bool fires)
    {
        var crm = NewPipeline(Step<TracingPlugin>(Update, TestNames.Contact, 20, filtering));
        var id = crm.Create(new Entity(TestNames.Contact));
        var target = new Entity(TestNames.Contact, id);
        foreach (var column in changed)
        {
            target[column] = "new";
        }

        crm.Update(target);

        Assert.That(crm.LastOperation.Steps.Count, Is.EqualTo(fires ? 1 : 0));
    }

    [Test]
    public void Update_Target_CarriesOnlyTheCallersColumnsPlusWhatPreOperationSet()
    {
        var crm = NewPipeline(
            Step<TargetStampPlugin>(Update, TestNames.Contact, 20, configuration: TestNames.Description + "=stamped"),
            Step<TracingPlugin>(Update, TestNames.Contact, 40));
        var id = crm.Create(new Entity(TestNames.Contact) { [TestNames.FirstName] = "Ada", [TestNames.FullName] = "Ada Lovelace" });

        crm.Update(new Entity(TestNames.Contact, id) { [TestNames.FirstName] = "Grace" });

        var target = (Entity)crm.LastOperation.Steps[1].Context.InputParameters["Target"];
        Assert.That(target.Attributes.Keys, Is.EquivalentTo(new[] { TestNames.FirstName, TestNames.Description }));
    }

    [Test]
    public void Update_Images_CarryOnlyTheirRegisteredColumnsBeforeAndAfter()
    {
        // Arrange
        var crm = NewPipeline(
            Step<TracingPlugin>(Update, TestNames.Contact, 20, null, null, PreImage(TestNames.FirstName, TestNames.Description)),
            Step<TracingPlugin>(Update, TestNames.Contact, 40, null, null, PreImage(TestNames.FirstName), PostImage("Target", TestNames.FirstName, TestNames.StateCode)));
        var id = crm.Create(new Entity(TestNames.Contact) { [TestNames.FirstName] = "Ada", [TestNames.FullName] = "Ada Lovelace" });

        // Act
        crm.Update(new Entity(TestNames.Contact, id) { [TestNames.FirstName] = "Grace" });

        // Assert
        var pre = crm.LastOperation.Steps[0].Context.PreEntityImages["PreImage"];
        var post = crm.LastOperation.Steps[1].Context;
        Assert.Multiple(() =>
        {
            Assert.That(pre.Attributes.Keys, Is.EquivalentTo(new[] { TestNames.FirstName }), "a column without a value is not in the image");
            Assert.That(pre.Id, Is.EqualTo(id));
            Assert.That(post.PreEntityImages["PreImage"][TestNames.FirstName], Is.EqualTo("Ada"));
            Assert.That(post.PostEntityImages["PostImage"].Attributes.Keys, Is.EquivalentTo(new[] { TestNames.FirstName, TestNames.StateCode }));
            Assert.That(post.PostEntityImages["PostImage"][TestNames.FirstName], Is.EqualTo("Grace"));
            Assert.That(crm.LastOperation.Steps[0].Context.PostEntityImages, Is.Empty);
        });
    }

    [Test]
    public void Create_PostOperation_GetsTheIdAndAPostImage()
    {
        var crm = NewPipeline(
            Step<TracingPlugin>(Create, TestNames.Contact, 20),
            Step<TracingPlugin>(Create, TestNames.Contact, 40, null, null, PostImage("id", TestNames.CreatedOn)));

        var id = crm.Create(new Entity(TestNames.Contact));

        var pre = crm.LastOperation.Steps[0].Context;
        var post = crm.LastOperation.Steps[1].Context;
        Assert.Multiple(() =>
        {
            Assert.That(pre.OutputParameters.Contains("id"), Is.False);
            Assert.That(post.OutputParameters["id"], Is.EqualTo(id));
            Assert.That(post.PostEntityImages["PostImage"].Attributes.Keys, Is.EqualTo(new[] { TestNames.CreatedOn }));
        });
    }

    [Test]
    public void Delete_Target_IsAnEntityReferenceAndThePreImageIsTheDeletedRow()
    {
        var crm = NewPipeline(Step<TracingPlugin>(Delete, TestNames.Contact, 40, null, null, PreImage(TestNames.FullName)));
        var id = crm.Create(new Entity(TestNames.Contact) { [TestNames.FullName] = "Ada Lovelace" });

        crm.Delete(TestNames.Contact, id);

        var context = crm.LastOperation.Steps.Single().Context;
        Assert.Multiple(() =>
        {
            Assert.That(context.InputParameters["Target"], Is.EqualTo(new EntityReference(TestNames.Contact, id)));
            Assert.That(context.PreEntityImages["PreImage"][TestNames.FullName], Is.EqualTo("Ada Lovelace"));
            Assert.That(context.PrimaryEntityId, Is.EqualTo(id));
        });
    }

    [Test]
    public void Context_CarriesTheRegistrationAndTheCaller()
    {
        var step = Step<TracingPlugin>(Create, TestNames.Contact, 20);
        var crm = NewPipeline(step);
        crm.CallerId = new Guid("55555555-0000-0000-0000-000000000005");

        crm.Create(new Entity(TestNames.Contact));

        var context = crm.LastOperation.Steps.Single().Context;
        Assert.Multiple(() =>
        {
            Assert.That((context.MessageName, context.PrimaryEntityName, context.Stage, context.Mode, context.Depth), Is.EqualTo((Create, TestNames.Contact, 20, 0, 1)));
            Assert.That((context.UserId, context.InitiatingUserId), Is.EqualTo((crm.CallerId, crm.CallerId)));
            Assert.That(context.CorrelationId, Is.EqualTo(crm.LastOperation.CorrelationId).And.Not.EqualTo(Guid.Empty));
            Assert.That(context.OwningExtension!.Id, Is.EqualTo(step.Id));
            Assert.That(context.ParentContext, Is.Null);
            Assert.That(context.SharedVariables, Is.Not.Null);
            Assert.That(context.IsInTransaction, Is.True);
        });
    }

    [Test]
    public void SharedVariables_AreSharedByTheStepsOfOneMessage()
    {
        var crm = NewPipeline(Step<TracingPlugin>(Create, TestNames.Contact, 20), Step<TracingPlugin>(Create, TestNames.Contact, 40));

        crm.Create(new Entity(TestNames.Contact));

        Assert.That(crm.LastOperation.Steps[0].Context.SharedVariables, Is.SameAs(crm.LastOperation.Steps[1].Context.SharedVariables));
    }

    [Test]
    public void PostOperationWrite_ReentersThePipelineOneLevelDeeperAsSystem()
    {
        // Arrange
        var crm = NewPipeline(
            Step<ParentWriterPlugin>(Create, TestNames.Contact, 40, null, null, PostImage("id", TestNames.ParentCustomerId)),
            Step<TracingPlugin>(Update, TestNames.Account, 20));
        var account = crm.Create(new Entity(TestNames.Account));

        // Act
        crm.Create(new Entity(TestNames.Contact) { [TestNames.ParentCustomerId] = new EntityReference(TestNames.Account, account) });

        // Assert
        var op = crm.LastOperation;
        var nested = op.Steps[1].Context;
        Assert.Multiple(() =>
        {
            Assert.That(op.Steps.Select(s => (s.PluginName, s.Depth)), Is.EqualTo(new[] { (nameof(ParentWriterPlugin), 1), (nameof(TracingPlugin), 2) }));
            Assert.That(nested.ParentContext, Is.SameAs(op.Steps[0].Context));
            Assert.That(nested.CorrelationId, Is.EqualTo(op.CorrelationId));
            Assert.That((nested.UserId, nested.InitiatingUserId), Is.EqualTo((Pipeline.SystemUserId, crm.CallerId)));
            Assert.That(op.Steps[0].Calls.Single() with { Columns = Array.Empty<string>() }, Is.EqualTo(new ServiceCall(CallKind.Update, TestNames.Account, account, Pipeline.SystemUserId, 1)));
            Assert.That(op.Steps[0].Calls.Single().Columns, Is.EqualTo(new[] { TestNames.Description }));
            Assert.That(op.CallCounts, Is.EqualTo(new CallCounts(0, 0, 0, 1, 0)));
            Assert.That(op.MaxDepth, Is.EqualTo(2));
            Assert.That(crm.Store.Get(TestNames.Account, account)[TestNames.Description], Is.EqualTo("written at depth 1"));
        });
    }

    [TestCase(null)]
    [TestCase("wrap")]
    public void SelfUpdatingStep_FailsTheTestWithTheLoop(string? configuration)
    {
        var crm = NewPipeline(Step<SelfUpdatePlugin>(Update, TestNames.Account, 40, configuration: configuration));
        var account = crm.Create(new Entity(TestNames.Account) { [TestNames.Description] = "before" });

        var thrown = Assert.Throws<PipelineLoopException>(() => crm.Update(new Entity(TestNames.Account, account) { [TestNames.Description] = "start" }));

        Assert.Multiple(() =>
        {
            Assert.That(thrown!.Message, Does.Contain("Infinite loop").And.Contain("depth 8").And.Contain("SelfUpdatePlugin"));
            Assert.That(crm.LastOperation.MaxDepth, Is.EqualTo(Pipeline.MaxDepth));
            Assert.That(crm.Store.Get(TestNames.Account, account)[TestNames.Description], Is.EqualTo("before"), "rolled back");
        });
    }

    [Test]
    public void PluginThrows_AfterNestedWrites_EveryChangeOfTheOperationIsRolledBack()
    {
        // Arrange
        var crm = NewPipeline(
            Step<ParentWriterPlugin>(Create, TestNames.Contact, 40, null, null, PostImage("id", TestNames.ParentCustomerId)),
            Step<ThrowingPlugin>(Create, TestNames.Contact, 40, configuration: "Refused by the test."));
        var account = crm.Create(new Entity(TestNames.Account) { [TestNames.Description] = "before" });

        // Act
        var thrown = Assert.Throws<InvalidPluginExecutionException>(() =>
            crm.Create(new Entity(TestNames.Contact) { [TestNames.ParentCustomerId] = new EntityReference(TestNames.Account, account) }));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(thrown!.Message, Is.EqualTo("Refused by the test."));
            Assert.That(crm.Store.Count(TestNames.Contact), Is.Zero);
            Assert.That(crm.Store.Get(TestNames.Account, account)[TestNames.Description], Is.EqualTo("before"));
            Assert.That(crm.LastOperation.Succeeded, Is.False);
            Assert.That(crm.LastOperation.Exception, Is.SameAs(thrown));
            Assert.That(crm.LastOperation.Steps[^1].Exception, Is.SameAs(thrown));
        });
    }

    [Test]
    public void NestedOperationRefused_ThePluginThatCalledReceivesAServiceFault_NotTheRefusingStepsException()
    {
        // Arrange: on the platform a service call never throws the InvalidPluginExecutionException of a step it
        // ran; the calling plug-in receives the organization service's fault, which carries that message.
        var crm = NewPipeline(
            Step<ParentWriterPlugin>(Create, TestNames.Contact, 40, null, null, PostImage("id", TestNames.ParentCustomerId)),
            Step<ThrowingPlugin>(Update, TestNames.Account, 20, configuration: "Refused by the account step."));
        var account = crm.Create(new Entity(TestNames.Account));

        // Act
        var thrown = Assert.Catch<Exception>(() =>
            crm.Create(new Entity(TestNames.Contact) { [TestNames.ParentCustomerId] = new EntityReference(TestNames.Account, account) }));

        // Assert
        var writer = crm.LastOperation.Steps[0];
        Assert.Multiple(() =>
        {
            Assert.That(writer.PluginName, Is.EqualTo(nameof(ParentWriterPlugin)));
            Assert.That(writer.Exception, Is.Not.InstanceOf<InvalidPluginExecutionException>().And.SameAs(thrown));
            Assert.That(thrown!.Message, Is.EqualTo("Refused by the account step."));
            Assert.That(thrown.InnerException, Is.TypeOf<InvalidPluginExecutionException>());
            Assert.That(crm.Store.Count(TestNames.Contact), Is.Zero);
        });
    }

    [Test]
    public void NestedFailureSwallowedByAPlugin_StillAbortsTheOperation()
    {
        var crm = NewPipeline(Step<SwallowingPlugin>(Create, TestNames.Contact, 40));

        Assert.Multiple(() =>
        {
            Assert.That(() => crm.Create(new Entity(TestNames.Contact)), Throws.InvalidOperationException.With.Message.Contains("aborts the whole operation"));
            Assert.That(crm.Store.Count(TestNames.Contact), Is.Zero);
        });
    }

    [Test]
    public void Tracing_RecordsFormattedLinesPerStep()
    {
        var crm = NewPipeline(Step<TracingPlugin>(Create, TestNames.Contact, 20), Step<TracingPlugin>(Create, TestNames.Contact, 40));

        crm.Create(new Entity(TestNames.Contact));

        Assert.Multiple(() =>
        {
            Assert.That(crm.LastOperation.Steps[1].Trace, Is.EqualTo(new[] { "ran at depth 1, stage 40" }));
            Assert.That(crm.LastOperation.Trace.Count(), Is.EqualTo(2));
        });
    }

    [Test]
    public void PluginInstance_IsCreatedOncePerStepAndServesEveryExecution()
    {
        var crm = NewPipeline(Step<CountingPlugin>(Create, TestNames.Contact, 20));

        crm.Create(new Entity(TestNames.Contact));
        crm.Create(new Entity(TestNames.Contact));

        Assert.That(crm.LastOperation.Steps.Single().Trace, Is.EqualTo(new[] { "execution 2" }));
    }

    [Test]
    public void Operations_AreRecordedInOrder()
    {
        var crm = NewPipeline();

        var id = crm.Create(new Entity(TestNames.Contact));
        crm.Update(new Entity(TestNames.Contact, id) { [TestNames.FirstName] = "x" });
        crm.Delete(TestNames.Contact, id);

        Assert.Multiple(() =>
        {
            Assert.That(crm.Operations.Select(o => o.Message), Is.EqualTo(new[] { Create, Update, Delete }));
            Assert.That(crm.Operations.Select(o => o.RecordId), Is.All.EqualTo(id));
            Assert.That(crm.Operations.Select(o => o.CorrelationId).Distinct().Count(), Is.EqualTo(3));
        });
    }

    private static TestCaseData Invalid(string name, Func<CrmRelationship.SolutionModel.StepRegistration> step) =>
        new TestCaseData(step).SetName(name);

    private static System.Collections.Generic.IEnumerable<TestCaseData> InvalidRegistrations()
    {
        yield return Invalid("Registration_PreImageOnCreate_IsRefused", () => Step<TracingPlugin>(Create, TestNames.Contact, 40, null, null, PreImage(TestNames.FullName)));
        yield return Invalid("Registration_PostImageOnDelete_IsRefused", () => Step<TracingPlugin>(Delete, TestNames.Contact, 40, null, null, PostImage("Target", TestNames.FullName)));
        yield return Invalid("Registration_PostImageInPreOperation_IsRefused", () => Step<TracingPlugin>(Update, TestNames.Contact, 20, null, null, PostImage("Target", TestNames.FullName)));
        yield return Invalid("Registration_CreateImageOnTarget_IsRefused", () => Step<TracingPlugin>(Create, TestNames.Contact, 40, null, null, PostImage("Target", TestNames.FullName)));
        yield return Invalid("Registration_AsynchronousBeforePostOperation_IsRefused", () => Step<TracingPlugin>(Create, TestNames.Contact, 20) with { Mode = 1 });
        yield return Invalid("Registration_UnknownMode_IsRefused", () => Step<TracingPlugin>(Create, TestNames.Contact, 40) with { Mode = 2 });
        yield return Invalid("Registration_UnknownStage_IsRefused", () => Step<TracingPlugin>(Create, TestNames.Contact, 30));
        yield return Invalid("Registration_UnknownClass_IsRefused", () => Step<TracingPlugin>(Create, TestNames.Contact, 20) with { PluginTypeName = "Nope.Missing, " + typeof(TracingPlugin).Assembly.FullName });
        yield return Invalid("Registration_OtherAssembly_IsRefused", () => Step<TracingPlugin>(Create, TestNames.Contact, 20) with { PluginTypeName = typeof(TracingPlugin).FullName + ", Other, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null" });
        yield return Invalid("Registration_WrongPublicKeyToken_IsRefused", () => Step<TracingPlugin>(Create, TestNames.Contact, 20) with { PluginTypeName = typeof(TracingPlugin).FullName + ", " + typeof(TracingPlugin).Assembly.GetName().Name + ", Version=1.0.0.0, Culture=neutral, PublicKeyToken=0123456789abcdef" });
        yield return Invalid("Registration_ConfigurationWithoutAConstructorForIt_IsRefused", () => Step<NoConfigurationPlugin>(Create, TestNames.Contact, 20, configuration: "{}"));
    }

    [TestCaseSource(nameof(InvalidRegistrations))]
    public void Registration_ThePlatformWouldRefuse_FailsWhenThePipelineIsBuilt(Func<CrmRelationship.SolutionModel.StepRegistration> step)
    {
        Assert.That(() => NewPipeline(step()), Throws.TypeOf<PipelineRegistrationException>().With.Message.Contains("Step '"));
    }
}
