using System;
using System.Collections.Generic;
using System.Linq;
using CrmRelationship.Plugins;
using CrmRelationship.Scoring;
using Microsoft.Xrm.Sdk;
using Moq;
using NUnit.Framework;
using Api = CrmRelationship.Scoring.LogicalNames.PreviewAssessment;

namespace CrmRelationship.PreviewApi.Tests;

/// <summary>
/// rel_PreviewRelationshipAssessment through IPlugin.Execute: the preview answers exactly what the Scoring
/// library computes for the same inputs, names what is missing when nothing can be computed, refuses a value
/// that cannot be right naming the parameter, and never asks for the organization service.
/// </summary>
[TestFixture]
public sealed class PreviewRelationshipAssessmentPluginTests
{
    private static readonly DateTime CapturedOn = new(2026, 1, 15, 0, 0, 0, DateTimeKind.Utc);

    public static IEnumerable<TestCaseData> Previews()
    {
        yield return Case(
            "every input",
            [
                (Api.Relationship, (int)RelationshipStatus.No), (Api.OrganizationalPower, (int)OrganizationalPower.High),
                (Api.Perception, (int)Perception.Detractor), (Api.ActivityLevel, (int)ActivityLevel.Active),
                (Api.ObservedBehaviours, "415700000,415700001,415700002"), (Api.RiskBehaviours, "415700001"),
                (Api.CustomerViewLevel, (int)RelationshipLevel.Advisor), (Api.CustomerViewDate, CapturedOn),
                (Api.FeedbackCadence, (int)FeedbackCadence.HalfYearly),
            ],
            new ContactInputs
            {
                Relationship = RelationshipStatus.No, OrganizationalPower = OrganizationalPower.High,
                Perception = Perception.Detractor, ActivityLevel = ActivityLevel.Active,
                ObservedBehaviours = [RelationshipBehaviour.BuysFromUs, RelationshipBehaviour.ReliesOnOurSupport, RelationshipBehaviour.CollaboratesWithUsClosely],
                RiskBehaviours = [RiskBehaviour.Contempt], CustomerViewLevel = RelationshipLevel.Advisor,
                CustomerViewDate = CapturedOn, FeedbackCadence = FeedbackCadence.HalfYearly,
            });
        yield return Case(
            "the matrix only",
            [
                (Api.Relationship, (int)RelationshipStatus.Yes), (Api.OrganizationalPower, (int)OrganizationalPower.High),
                (Api.Perception, (int)Perception.Advocate), (Api.ActivityLevel, (int)ActivityLevel.Active),
            ],
            new ContactInputs
            {
                Relationship = RelationshipStatus.Yes, OrganizationalPower = OrganizationalPower.High,
                Perception = Perception.Advocate, ActivityLevel = ActivityLevel.Active,
            });
        yield return Case(
            "a missing rung and an underestimated view, without a capture date",
            [
                (Api.ObservedBehaviours, " 415700000 , 415700001,415700003 "), (Api.CustomerViewLevel, (int)RelationshipLevel.InnerCircle),
                (Api.Perception, (int)Perception.Advocate), (Api.Relationship, (int)RelationshipStatus.Yes),
            ],
            new ContactInputs
            {
                ObservedBehaviours = [RelationshipBehaviour.BuysFromUs, RelationshipBehaviour.ReliesOnOurSupport, RelationshipBehaviour.ConsultsUsBeforeDecisions],
                CustomerViewLevel = RelationshipLevel.InnerCircle, Perception = Perception.Advocate, Relationship = RelationshipStatus.Yes,
            });
        yield return Case(
            "three risks, an overestimated view and an empty list",
            [
                (Api.RiskBehaviours, "415700000,415700002,415700003"), (Api.ObservedBehaviours, "415700000,415700001,415700002,415700003,415700004"),
                (Api.CustomerViewLevel, (int)RelationshipLevel.Transactional), (Api.CustomerViewDate, CapturedOn),
                (Api.FeedbackCadence, (int)FeedbackCadence.Yearly), (Api.Relationship, null),
            ],
            new ContactInputs
            {
                RiskBehaviours = [RiskBehaviour.Criticism, RiskBehaviour.Defensiveness, RiskBehaviour.Stonewalling],
                ObservedBehaviours =
                [
                    RelationshipBehaviour.BuysFromUs, RelationshipBehaviour.ReliesOnOurSupport, RelationshipBehaviour.CollaboratesWithUsClosely,
                    RelationshipBehaviour.ConsultsUsBeforeDecisions, RelationshipBehaviour.ValuesUsAcrossTheirBusiness,
                ],
                CustomerViewLevel = RelationshipLevel.Transactional, CustomerViewDate = CapturedOn, FeedbackCadence = FeedbackCadence.Yearly,
            });
    }

    [TestCaseSource(nameof(Previews))]
    public void Preview_OfInputs_AnswersWhatTheScoringLibraryComputes((string, object?)[] parameters, ContactInputs inputs)
    {
        var call = new PreviewCall();
        foreach (var (name, value) in parameters)
        {
            call.With(name, value);
        }

        var before = RelationshipScorer.Default.ScoreContact(inputs, null, DateTime.UtcNow);
        call.Execute(new PreviewRelationshipAssessmentPlugin());
        var after = RelationshipScorer.Default.ScoreContact(inputs, null, DateTime.UtcNow);

        // "Today" appears only in the explanation, and only when there is no capture date: it may have
        // moved on to the next day during the call.
        Assert.That(Answer(call), Is.EqualTo(Expected(before)).Or.EqualTo(Expected(after)));
    }

    [Test]
    public void Preview_WithAdministratorSettings_AnswersWhatAScorerWithThoseSettingsComputes()
    {
        const string settings = "{\"matrix\":{\"Yes/High/Advocate/Active\":\"Med potential, activate\"}}";
        var inputs = new ContactInputs
        {
            Relationship = RelationshipStatus.Yes, OrganizationalPower = OrganizationalPower.High,
            Perception = Perception.Advocate, ActivityLevel = ActivityLevel.Active,
        };
        var call = new PreviewCall()
            .With(Api.Relationship, (int)RelationshipStatus.Yes).With(Api.OrganizationalPower, (int)OrganizationalPower.High)
            .With(Api.Perception, (int)Perception.Advocate).With(Api.ActivityLevel, (int)ActivityLevel.Active);

        call.Execute(new PreviewRelationshipAssessmentPlugin(settings, null));

        var expected = new RelationshipScorer(ScoringSettings.Parse(settings)).ScoreContact(inputs, null, DateTime.UtcNow);
        Assert.That(
            (call.Result(Api.RecommendedAction), call.Result(Api.Explanation)),
            Is.EqualTo(((object?)(int)RecommendedAction.MedPotentialActivate, (object?)expected.Explanation)));
    }

    [Test]
    public void Preview_NoInputs_GivesOnlyAnExplanationNamingWhatIsMissing()
    {
        var call = new PreviewCall().Execute(new PreviewRelationshipAssessmentPlugin());

        Assert.That(call.Output.Keys, Is.EquivalentTo(new[] { Api.Explanation }));
        Assert.That(
            (string)call.Output[Api.Explanation],
            Does.Contain("No recommended action: Relationship, Organizational power, Perception and Activity level are not assessed yet")
                .And.Contain("No relationship level"));
    }

    [Test]
    public void Preview_OneMatrixInputMissing_GivesNoActionAndNamesThatInput()
    {
        var call = new PreviewCall()
            .With(Api.Relationship, (int)RelationshipStatus.Yes).With(Api.OrganizationalPower, (int)OrganizationalPower.Low)
            .With(Api.ActivityLevel, (int)ActivityLevel.Passive)
            .Execute(new PreviewRelationshipAssessmentPlugin());

        Assert.That(call.Result(Api.RecommendedAction), Is.Null);
        Assert.That((string?)call.Result(Api.Explanation), Does.Contain("No recommended action: Perception is not assessed yet"));
    }

    [Test]
    public void Preview_IntegerResults_AreInt32AsTheIntegerTypeOfTheCustomApiRequires()
    {
        var call = new PreviewCall();
        foreach (var (name, value) in (((string, object?)[])Previews().First().Arguments[0]!))
        {
            call.With(name, value);
        }

        call.Execute(new PreviewRelationshipAssessmentPlugin());

        var integers = new[] { Api.RecommendedAction, Api.RelationshipLevel, Api.ExpectationGap, Api.ExpectationAlignment, Api.HealthScore };
        Assert.That(integers.Select(call.Result), Is.All.TypeOf<int>());
    }

    [TestCase(Api.Relationship, 415700002)]
    [TestCase(Api.OrganizationalPower, 1)]
    [TestCase(Api.Perception, 415700002)]
    [TestCase(Api.ActivityLevel, -415700001)]
    [TestCase(Api.CustomerViewLevel, 415700005)]
    [TestCase(Api.FeedbackCadence, 415700003)]
    public void Preview_OptionValueOutsideItsChoice_IsRefusedNamingTheParameterAndTheValue(string parameter, int value)
    {
        var call = new PreviewCall().With(parameter, value);

        Assert.That(
            () => call.Execute(new PreviewRelationshipAssessmentPlugin()),
            Throws.TypeOf<InvalidPluginExecutionException>()
                .With.Message.Contains("parameter " + parameter + " ")
                .And.Message.Contains("'" + value.ToString(System.Globalization.CultureInfo.InvariantCulture) + "'"));
    }

    [TestCase(Api.ObservedBehaviours, "415700000,,415700001", "415700000,,415700001")]
    [TestCase(Api.ObservedBehaviours, "415700000;415700001", "415700000;415700001")]
    [TestCase(Api.ObservedBehaviours, "Buys from us", "Buys from us")]
    [TestCase(Api.RiskBehaviours, "415700001,", "415700001,")]
    [TestCase(Api.RiskBehaviours, "415700000,415700004", "415700004")]
    [TestCase(Api.ObservedBehaviours, "415700005", "415700005")]
    public void Preview_MalformedListOrOptionOutsideItsChoice_IsRefusedNamingTheParameterAndTheValue(string parameter, string list, string named)
    {
        var call = new PreviewCall().With(parameter, list);

        Assert.That(
            () => call.Execute(new PreviewRelationshipAssessmentPlugin()),
            Throws.TypeOf<InvalidPluginExecutionException>()
                .With.Message.Contains("parameter " + parameter + " ")
                .And.Message.Contains("'" + named + "'"));
    }

    [TestCase(Api.Perception, "415700001")]
    [TestCase(Api.RiskBehaviours, 415700001)]
    [TestCase(Api.CustomerViewDate, "2026-01-15")]
    public void Preview_ValueOfTheWrongType_IsRefusedNamingTheParameter(string parameter, object value)
    {
        var call = new PreviewCall().With(parameter, value);

        Assert.That(
            () => call.Execute(new PreviewRelationshipAssessmentPlugin()),
            Throws.TypeOf<InvalidPluginExecutionException>().With.Message.Contains("parameter " + parameter + " "));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void Preview_EmptyList_MeansNothingObserved(string list)
    {
        var call = new PreviewCall().With(Api.ObservedBehaviours, list).With(Api.RiskBehaviours, list)
            .Execute(new PreviewRelationshipAssessmentPlugin());

        Assert.That((string)call.Output[Api.Explanation], Does.Contain("No relationship level: no relationship behaviours are observed yet"));
    }

    [Test]
    public void Preview_AnyCall_NeverAsksForTheOrganizationService()
    {
        var call = new PreviewCall();
        foreach (var (name, value) in (((string, object?)[])Previews().First().Arguments[0]!))
        {
            call.With(name, value);
        }

        call.Execute(new PreviewRelationshipAssessmentPlugin());

        Assert.That((call.FactoryRequests, call.Factory.Invocations.Count), Is.EqualTo((0, 0)));
    }

    [Test]
    public void Preview_RefusedCall_NeverAsksForTheOrganizationServiceEither()
    {
        var call = new PreviewCall().With(Api.Perception, 7);

        Assert.That(() => call.Execute(new PreviewRelationshipAssessmentPlugin()), Throws.TypeOf<InvalidPluginExecutionException>());
        Assert.That((call.FactoryRequests, call.Output.Count), Is.EqualTo((0, 0)));
    }

    [TestCase("rel_SomethingElse", 30)]
    [TestCase(PreviewCall.Message, 40)]
    public void Preview_RegisteredForAnotherMessageOrStage_DoesNothing(string message, int stage)
    {
        var call = new PreviewCall { MessageName = message, Stage = stage }.With(Api.Perception, (int)Perception.Advocate);

        call.Execute(new PreviewRelationshipAssessmentPlugin());

        Assert.That((call.Output.Count, call.FactoryRequests), Is.EqualTo((0, 0)));
    }

    [Test]
    public void Preview_Trace_NamesNoValueOnlyTheCountOfParameters()
    {
        var traced = new List<string>();
        var call = new PreviewCall().With(Api.ObservedBehaviours, "415700000,415700001").With(Api.Relationship, (int)RelationshipStatus.Yes);
        call.Tracing.Setup(t => t.Trace(It.IsAny<string>(), It.IsAny<object[]>()))
            .Callback<string, object[]>((format, args) => traced.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args)));

        call.Execute(new PreviewRelationshipAssessmentPlugin());

        Assert.That(traced, Has.Some.Contains("from 2 parameter(s)").And.None.Contains("415700000,415700001"));
    }

    private static TestCaseData Case(string name, (string, object?)[] parameters, ContactInputs inputs) =>
        new TestCaseData(parameters, inputs).SetArgDisplayNames(name);

    private static (object?, object?, object?, object?, object?, object?) Answer(PreviewCall call) => (
        call.Result(Api.RecommendedAction), call.Result(Api.RelationshipLevel), call.Result(Api.ExpectationGap),
        call.Result(Api.ExpectationAlignment), call.Result(Api.HealthScore), call.Result(Api.Explanation));

    private static (object?, object?, object?, object?, object?, object?) Expected(ContactScore score) => (
        (int?)score.RecommendedAction, (int?)score.RelationshipLevel, score.ExpectationGap,
        (int?)score.ExpectationAlignment, score.HealthScore, score.Explanation);
}
