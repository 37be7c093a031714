using System;
using System.Collections.Generic;
using System.Linq;
using CrmRelationship.SolutionModel;
using CrmRelationship.Testing.Tests.Fakes;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;
using static CrmRelationship.Testing.Tests.Fakes.TestCustomApis;
using Type = CrmRelationship.SolutionModel.CustomApiFieldType;

namespace CrmRelationship.Testing.Tests;

/// <summary>The pipeline's Custom API path with APIs registered in code and small fake main operations.</summary>
[TestFixture]
public sealed class CustomApiTests
{
    private const string Mirror = "test_Mirror";
    private const string Write = "test_Write";
    private static readonly Guid SomeId = new("5d0f7c1e-8a47-4a3b-9d0e-2b8f6c1a9e01");

    public static IEnumerable<TestCaseData> ValuesOfTheirType()
    {
        TestCaseData Case(int type, object value) =>
            new TestCaseData(type, value).SetArgDisplayNames(CustomApiValues.Label(type), value.GetType().Name);

        yield return Case(Type.Boolean, true);
        yield return Case(Type.DateTime, new DateTime(2026, 1, 15, 0, 0, 0, DateTimeKind.Utc));
        yield return Case(Type.Decimal, 1.5m);
        yield return Case(Type.Entity, new Entity(TestNames.Contact, SomeId));
        yield return Case(Type.EntityCollection, new EntityCollection(new List<Entity> { new(TestNames.Contact, SomeId) }));
        yield return Case(Type.EntityReference, new EntityReference(TestNames.Contact, SomeId));
        yield return Case(Type.Float, 1.5d);
        yield return Case(Type.Integer, 42);
        yield return Case(Type.Picklist, new OptionSetValue(TestNames.OptionB));
        yield return Case(Type.String, "1,2");
        yield return Case(Type.StringArray, new[] { "a", "b" });
        yield return Case(Type.Guid, SomeId);
    }

    public static IEnumerable<TestCaseData> ValuesOfAnotherType()
    {
        TestCaseData Case(int type, object value) =>
            new TestCaseData(type, value).SetArgDisplayNames(CustomApiValues.Label(type), value.GetType().Name);

        yield return Case(Type.Integer, 42L);
        yield return Case(Type.Integer, "42");
        yield return Case(Type.Integer, 1.0d);
        yield return Case(Type.Integer, new OptionSetValue(TestNames.OptionB));
        yield return Case(Type.String, 42);
        yield return Case(Type.String, new[] { "42" });
        yield return Case(Type.DateTime, "2026-01-15");
        yield return Case(Type.DateTime, new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero));
        yield return Case(Type.Boolean, 1);
        yield return Case(Type.Decimal, 1.5d);
        yield return Case(Type.Float, 1.5m);
        yield return Case(Type.Float, 1.5f);
        yield return Case(Type.Picklist, TestNames.OptionB);
        yield return Case(Type.Guid, SomeId.ToString());
        yield return Case(Type.EntityReference, SomeId);
        yield return Case(Type.StringArray, "a,b");
        yield return Case(Type.Money, 1.5m);
    }

    [TestCaseSource(nameof(ValuesOfTheirType))]
    public void Request_ValueOfItsRegisteredType_ReachesTheMainOperationAndComesBack(int type, object value)
    {
        // Arrange
        var crm = NewPipeline(new[] { Api<MirrorApiPlugin>(Mirror, new[] { Request("Value", type) }, new[] { Response("Value", type) }) });

        // Act
        var response = crm.Execute(new OrganizationRequest(Mirror) { ["Value"] = value });

        // Assert
        var received = crm.LastOperation.Steps.Single().Context.InputParameters["Value"];
        Assert.Multiple(() =>
        {
            Assert.That(received, Is.TypeOf(value.GetType()));
            Assert.That(response.Results["Value"], Is.TypeOf(value.GetType()));
            Assert.That(crm.LastOperation.Succeeded, Is.True);
        });
        if (value.GetType().IsValueType || value is string)
        {
            Assert.That((received, response.Results["Value"]), Is.EqualTo((value, value)));
        }
    }

    [TestCaseSource(nameof(ValuesOfAnotherType))]
    public void Request_ValueOfAnotherType_IsRefusedBeforeAnythingRuns(int type, object value)
    {
        var crm = NewPipeline(new[] { Api<MirrorApiPlugin>(Mirror, new[] { Request("Value", type) }, new[] { Response("Value", type) }) });

        Assert.That(
            () => crm.Execute(new OrganizationRequest(Mirror) { ["Value"] = value }),
            Throws.TypeOf<CustomApiRequestException>()
                .With.Message.Contains("'Value' is registered as " + CustomApiValues.Label(type))
                .And.Message.Contains(value.GetType().FullName!));
        Assert.That(crm.Operations, Is.Empty, "a refused request never enters the pipeline");
    }

    [TestCase("value")]
    [TestCase("Target")]
    [TestCase("Values")]
    public void Request_ParameterTheApiDoesNotRegister_IsRefusedNamingIt(string name)
    {
        var crm = NewPipeline(new[] { Api<MirrorApiPlugin>(Mirror, new[] { Request("Value", Type.Integer) }, Array.Empty<CustomApiField>()) });

        Assert.That(
            () => crm.Execute(Mirror, (name, 1)),
            Throws.TypeOf<CustomApiRequestException>()
                .With.Message.Contains("Unrecognized request parameter '" + name + "'")
                .And.Message.Contains("Value (Integer)"));
        Assert.That(crm.Operations, Is.Empty);
    }

    [Test]
    public void Request_ParameterInAnotherCase_IsRefusedNamingTheRegisteredOne()
    {
        var crm = NewPipeline(new[] { Api<MirrorApiPlugin>(Mirror, new[] { Request("Value", Type.Integer) }, Array.Empty<CustomApiField>()) });

        Assert.That(
            () => crm.Execute(Mirror, ("value", 1)),
            Throws.TypeOf<CustomApiRequestException>().With.Message.Contains("the parameter is 'Value'"));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Request_RequiredParameterMissingOrNull_IsRefusedNamingIt(bool givenAsNull)
    {
        var crm = NewPipeline(new[]
        {
            Api<MirrorApiPlugin>(Mirror, new[] { Request("Needed", Type.String, optional: false), Request("Extra", Type.String) }, new[] { Response("Extra", Type.String) }),
        });
        var request = new OrganizationRequest(Mirror) { ["Extra"] = "x" };
        if (givenAsNull)
        {
            request["Needed"] = null!;
        }

        Assert.That(
            () => crm.Execute(request),
            Throws.TypeOf<CustomApiRequestException>().With.Message.Contains("Required request parameter(s) not given: Needed"));
        Assert.That(crm.Operations, Is.Empty);
    }

    [Test]
    public void Request_NullForAnOptionalParameter_IsPassedOn()
    {
        var crm = NewPipeline(new[] { Api<MirrorApiPlugin>(Mirror, new[] { Request("Value", Type.Integer) }, new[] { Response("Value", Type.Integer) }) });

        var response = crm.Execute(Mirror, ("Value", null));

        Assert.That((response.Results.ContainsKey("Value"), response.Results["Value"]), Is.EqualTo((true, (object?)null)));
    }

    [Test]
    public void Request_SeveralProblems_AreAllNamedInOneRefusal()
    {
        var crm = NewPipeline(new[]
        {
            Api<MirrorApiPlugin>(Mirror, new[] { Request("Needed", Type.Integer, optional: false), Request("When", Type.DateTime) }, Array.Empty<CustomApiField>()),
        });

        Assert.That(
            () => crm.Execute(Mirror, ("When", "2026-01-15"), ("Unknown", 1)),
            Throws.TypeOf<CustomApiRequestException>()
                .With.Message.Contains("'When' is registered as DateTime")
                .And.Message.Contains("'Unknown'")
                .And.Message.Contains("not given: Needed"));
    }

    [TestCase("test_Nothing")]
    [TestCase("TEST_MIRROR")]
    [TestCase("Create")]
    public void Execute_NameOfNoRegisteredApi_IsRefusedNamingIt(string name)
    {
        var crm = NewPipeline(new[] { Api<MirrorApiPlugin>(Mirror, Array.Empty<CustomApiField>(), Array.Empty<CustomApiField>()) });

        Assert.That(
            () => crm.Execute(new OrganizationRequest(name)),
            Throws.TypeOf<CustomApiRequestException>()
                .With.Message.Contains("'" + name + "'")
                .And.Message.Contains("Registered Custom APIs: " + Mirror));
        Assert.That(crm.Operations, Is.Empty);
    }

    [Test]
    public void MainOperation_Context_IsTheApisMessageAtStage30AsTheCaller()
    {
        // Arrange
        var crm = NewPipeline(new[] { Api<MirrorApiPlugin>(Mirror, new[] { Request("Value", Type.Integer) }, new[] { Response("Value", Type.Integer) }) });

        // Act
        crm.Execute(Mirror, ("Value", 1));

        // Assert
        var step = crm.LastOperation.Steps.Single();
        var context = step.Context;
        Assert.Multiple(() =>
        {
            Assert.That((step.PluginName, step.Message, step.EntityName, step.Stage, step.Depth), Is.EqualTo((nameof(MirrorApiPlugin), Mirror, "none", 30, 1)));
            Assert.That((context.Mode, context.UserId, context.InitiatingUserId, context.PrimaryEntityId), Is.EqualTo((0, Pipeline.DefaultCallerId, Pipeline.DefaultCallerId, Guid.Empty)));
            Assert.That(context.IsInTransaction, Is.True);
            Assert.That(context.InputParameters.Keys, Is.EquivalentTo(new[] { "Value" }));
            Assert.That(step.Trace, Has.Some.EqualTo(Mirror + " stage 30 depth 1"));
            Assert.That((crm.LastOperation.Message, crm.LastOperation.EntityName, crm.LastOperation.CorrelationId), Is.EqualTo((Mirror, "none", context.CorrelationId)));
        });
    }

    [Test]
    public void Response_HoldsOnlyTheRegisteredPropertiesTheMainOperationSet()
    {
        var crm = NewPipeline(new[]
        {
            Api<MirrorApiPlugin>(
                Mirror,
                new[] { Request("A", Type.Integer), Request("B", Type.String) },
                new[] { Response("A", Type.Integer), Response("B", Type.String), Response("C", Type.Integer) }),
        });

        var response = crm.Execute(Mirror, ("A", 1));

        Assert.That((response.ResponseName, response.Results.Keys.ToList()), Is.EqualTo((Mirror, new List<string> { "A" })));
    }

    [Test]
    public void Response_OutputThatIsNoRegisteredProperty_FailsTheRequestNamingIt()
    {
        var crm = NewPipeline(new[] { Api<MirrorApiPlugin>(Mirror, new[] { Request("Extra", Type.String) }, new[] { Response("Result", Type.Integer) }) });

        Assert.That(
            () => crm.Execute(Mirror, ("Extra", "x")),
            Throws.TypeOf<CustomApiResponseException>()
                .With.Message.Contains("set the output parameter 'Extra', which is not one of its registered response properties")
                .And.Message.Contains("Result (Integer)"));
        Assert.That(crm.LastOperation.Succeeded, Is.False);
        Assert.That(crm.LastOperation.Exception, Is.TypeOf<CustomApiResponseException>());
    }

    [Test]
    public void Response_OutputOfAnotherTypeThanRegistered_FailsTheRequest()
    {
        var crm = NewPipeline(new[] { Api<MirrorApiPlugin>(Mirror, new[] { Request("Number", Type.String) }, new[] { Response("Number", Type.Integer) }) });

        Assert.That(
            () => crm.Execute(Mirror, ("Number", "7")),
            Throws.TypeOf<CustomApiResponseException>()
                .With.Message.Contains("response property 'Number' is registered as Integer (7)")
                .And.Message.Contains("System.String"));
    }

    [Test]
    public void MainOperation_Writes_AreCountedAndRunTheirStepsOneLevelDeeper()
    {
        // Arrange
        var crm = NewPipeline(
            new[] { Api<WritingApiPlugin>(Write, new[] { Request("Fail", Type.Boolean) }, new[] { Response("ContactId", Type.Guid) }) },
            TestSteps.Step<TracingPlugin>(PipelineMessages.Create, TestNames.Contact, 40));

        // Act
        var response = crm.Execute(Write);

        // Assert
        var op = crm.LastOperation;
        Assert.Multiple(() =>
        {
            Assert.That(op.CallCounts, Is.EqualTo(new CallCounts(0, 0, 1, 0, 0)));
            Assert.That(op.Calls.Single().UserId, Is.EqualTo(Pipeline.SystemUserId));
            Assert.That(op.Steps.Select(s => (s.PluginName, s.Stage, s.Depth)), Is.EqualTo(new[] { (nameof(WritingApiPlugin), 30, 1), (nameof(TracingPlugin), 40, 2) }));
            Assert.That(op.Steps[1].Context.ParentContext!.MessageName, Is.EqualTo(Write));
            Assert.That(crm.Store.All(TestNames.Contact).Select(c => c.Id), Is.EqualTo(new[] { (Guid)response.Results["ContactId"] }));
        });
    }

    [Test]
    public void MainOperation_InvalidPluginExecutionException_ReachesTheCallerAndItsWritesAreUndone()
    {
        var crm = NewPipeline(new[] { Api<WritingApiPlugin>(Write, new[] { Request("Fail", Type.Boolean) }, new[] { Response("ContactId", Type.Guid) }) });

        var thrown = Assert.Throws<InvalidPluginExecutionException>(() => crm.Execute(Write, ("Fail", true)));

        Assert.Multiple(() =>
        {
            Assert.That(thrown!.Message, Is.EqualTo(WritingApiPlugin.Refusal));
            Assert.That(crm.Store.Count(TestNames.Contact), Is.Zero);
            Assert.That((crm.LastOperation.Succeeded, crm.LastOperation.Exception), Is.EqualTo((false, (Exception)thrown)));
            Assert.That(crm.LastOperation.CallCounts.Create, Is.EqualTo(1));
        });
    }

    [Test]
    public void Execute_ThroughTheCallersService_IsTheSameRequest()
    {
        var crm = NewPipeline(new[] { Api<MirrorApiPlugin>(Mirror, new[] { Request("Value", Type.Integer) }, new[] { Response("Value", Type.Integer) }) });

        var response = crm.Service.Execute(new OrganizationRequest(Mirror) { ["Value"] = 3 });

        Assert.That((response.Results["Value"], crm.Operations.Count), Is.EqualTo(((object)3, 1)));
    }

    [Test]
    public void Execute_ApiWithoutAPluginType_RunsNothingAndReturnsNoValues()
    {
        var crm = NewPipeline(new[] { Api("test_Event", pluginTypeId: null, new[] { Request("Value", Type.Integer) }, new[] { Response("Value", Type.Integer) }) });

        var response = crm.Execute("test_Event", ("Value", 1));

        Assert.That((response.Results.Count, crm.LastOperation.Steps.Count, crm.LastOperation.Succeeded), Is.EqualTo((0, 0, true)));
    }

    [Test]
    public void Catalog_PluginTypeIdNoAssemblyRegisters_IsARegistrationError()
    {
        var api = Api(Mirror, SomeId, Array.Empty<CustomApiField>(), Array.Empty<CustomApiField>());

        Assert.That(
            () => Catalog(api),
            Throws.TypeOf<PipelineRegistrationException>().With.Message.Contains("plugintypeid " + SomeId));
    }

    [Test]
    public void Catalog_BoundApi_IsNotRunByTheHarness()
    {
        var api = Api<MirrorApiPlugin>(Mirror, Array.Empty<CustomApiField>(), Array.Empty<CustomApiField>()) with { BindingType = 1, BoundEntityLogicalName = TestNames.Contact };

        Assert.That(() => Catalog(api), Throws.TypeOf<PipelineRegistrationException>().With.Message.Contains("bindingtype 1"));
    }

    [Test]
    public void Pipeline_PluginTypeWhoseClassTheAssemblyLacks_FailsWhenTheApisAreGiven()
    {
        var assembly = typeof(CustomApiTests).Assembly;
        var missing = new PluginTypeRegistration(SomeId, "Nowhere.MissingPlugin", "Nowhere.MissingPlugin, " + assembly.FullName, "Missing");
        var catalog = new CustomApiCatalog(new[] { Api(Mirror, SomeId, Array.Empty<CustomApiField>(), Array.Empty<CustomApiField>()) }, new[] { missing }, assembly);

        Assert.That(
            () => new Pipeline(Array.Empty<StepRegistration>(), assembly) { CustomApis = catalog },
            Throws.TypeOf<PipelineRegistrationException>().With.Message.Contains("Nowhere.MissingPlugin"));
    }
}
