using System;
using System.Collections.Generic;
using System.Globalization;
using CrmRelationship.Plugins.Tests.Support;
using CrmRelationship.Scoring;
using CrmRelationship.SolutionModel;
using CrmRelationship.Testing;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;
using Api = CrmRelationship.Scoring.LogicalNames.PreviewAssessment;

namespace CrmRelationship.Plugins.Tests.Adapters;

/// <summary>
/// rel_PreviewRelationshipAssessment through IPlugin.Execute with a Moq service provider, for what the
/// pipeline cannot show: settings given to the constructor, inputs the registered parameter types let
/// through only here (values of another type, which Dataverse refuses first), another message or stage,
/// the trace, and that the plug-in never even asks for the organization service. What the registered Custom
/// API answers through the pipeline is in Scenarios/PreviewAssessmentScenarios.
/// </summary>
[TestFixture]
public sealed class PreviewRelationshipAssessmentPluginTests
{
    private const int MainOperation = Pipeline.MainOperationStage;
    private static readonly DateTime CapturedOn = new(2026, 1, 15, 0, 0, 0, DateTimeKind.Utc);

    public static IEnumerable<TestCaseData> Previews()
    {
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
                (Api.ObservedBehaviours, " " + ChoiceValues.List(" , ", RelationshipBehaviour.BuysFromUs, RelationshipBehaviour.ReliesOnOurSupport)
                    + "," + ChoiceValues.Text(RelationshipBehaviour.ConsultsUsBeforeDecisions) + " "),
                (Api.CustomerViewLevel, (int)RelationshipLevel.InnerCircle),
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
                (Api.RiskBehaviours, ChoiceValues.List(RiskBehaviour.Criticism, RiskBehaviour.Defensiveness, RiskBehaviour.Stonewalling)),
                (Api.ObservedBehaviours, ChoiceValues.List(
                    RelationshipBehaviour.BuysFromUs, RelationshipBehaviour.ReliesOnOurSupport, RelationshipBehaviour.CollaboratesWithUsClosely,
                    RelationshipBehaviour.ConsultsUsBeforeDecisions, RelationshipBehaviour.ValuesUsAcrossTheirBusiness)),
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
        var run = Preview(parameters);

        var before = RelationshipScorer.Default.ScoreContact(inputs, null, DateTime.UtcNow);
        run.Run(new PreviewRelationshipAssessmentPlugin());
        var after = RelationshipScorer.Default.ScoreContact(inputs, null, DateTime.UtcNow);

        // "Today" appears only in the explanation, and only when there is no capture date: it may have
        // moved on to the next day during the call.
        Assert.That(Answer(run), Is.EqualTo(Expected(before)).Or.EqualTo(Expected(after)));
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
        var run = Preview()
            .With(Api.Relationship, (int)RelationshipStatus.Yes).With(Api.OrganizationalPower, (int)OrganizationalPower.High)
            .With(Api.Perception, (int)Perception.Advocate).With(Api.ActivityLevel, (int)ActivityLevel.Active);

        run.Run(new PreviewRelationshipAssessmentPlugin(settings, null));

        var expected = new RelationshipScorer(ScoringSettings.Parse(settings)).ScoreContact(inputs, null, DateTime.UtcNow);
        Assert.That(
            (run.Result(Api.RecommendedAction), run.Result(Api.Explanation)),
            Is.EqualTo(((object?)(int)RecommendedAction.MedPotentialActivate, (object?)expected.Explanation)));
    }

    [Test]
    public void Preview_OneMatrixInputMissing_GivesNoActionAndNamesThatInput()
    {
        var run = Preview()
            .With(Api.Relationship, (int)RelationshipStatus.Yes).With(Api.OrganizationalPower, (int)OrganizationalPower.Low)
            .With(Api.ActivityLevel, (int)ActivityLevel.Passive);

        run.Run(new PreviewRelationshipAssessmentPlugin());

        Assert.That(run.Result(Api.RecommendedAction), Is.Null);
        Assert.That((string?)run.Result(Api.Explanation), Does.Contain("No recommended action: Perception is not assessed yet"));
    }

    public static IEnumerable<TestCaseData> OptionValuesOutsideTheirChoice()
    {
        yield return new TestCaseData(Api.Perception, ChoiceValues.After<Perception>());
        yield return new TestCaseData(Api.ActivityLevel, -ChoiceValues.Of(ActivityLevel.Active));
    }

    [TestCaseSource(nameof(OptionValuesOutsideTheirChoice))]
    public void Preview_OptionValueOutsideItsChoice_IsRefusedNamingTheParameterAndTheValue(string parameter, int value)
    {
        var run = Preview().With(parameter, value);

        Assert.That(
            () => run.Run(new PreviewRelationshipAssessmentPlugin()),
            Throws.TypeOf<InvalidPluginExecutionException>()
                .With.Message.Contains("parameter " + parameter + " ")
                .And.Message.Contains("'" + value.ToString(CultureInfo.InvariantCulture) + "'"));
    }

    /// <summary>The malformed lists, and a value outside a list's choice among others, are refused through the pipeline (see the scenarios).</summary>
    public static IEnumerable<TestCaseData> ListsOfOneValueOutsideTheirChoice()
    {
        var unknown = ChoiceValues.After<RelationshipBehaviour>().ToString(CultureInfo.InvariantCulture);
        yield return new TestCaseData(Api.ObservedBehaviours, unknown, unknown);
    }

    [TestCaseSource(nameof(ListsOfOneValueOutsideTheirChoice))]
    public void Preview_MalformedListOrOptionOutsideItsChoice_IsRefusedNamingTheParameterAndTheValue(string parameter, string list, string named)
    {
        var run = Preview().With(parameter, list);

        Assert.That(
            () => run.Run(new PreviewRelationshipAssessmentPlugin()),
            Throws.TypeOf<InvalidPluginExecutionException>()
                .With.Message.Contains("parameter " + parameter + " ")
                .And.Message.Contains("'" + named + "'"));
    }

    public static IEnumerable<TestCaseData> ValuesOfTheWrongType()
    {
        yield return new TestCaseData(Api.Perception, ChoiceValues.Text(Perception.Advocate));
        yield return new TestCaseData(Api.RiskBehaviours, ChoiceValues.Of(RiskBehaviour.Contempt));
        yield return new TestCaseData(Api.CustomerViewDate, "2026-01-15");
    }

    /// <summary>Dataverse refuses these before the plug-in runs (see the scenarios); the plug-in must not fail generically either.</summary>
    [TestCaseSource(nameof(ValuesOfTheWrongType))]
    public void Preview_ValueOfTheWrongType_IsRefusedNamingTheParameter(string parameter, object value)
    {
        var run = Preview().With(parameter, value);

        Assert.That(
            () => run.Run(new PreviewRelationshipAssessmentPlugin()),
            Throws.TypeOf<InvalidPluginExecutionException>().With.Message.Contains("parameter " + parameter + " "));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void Preview_EmptyList_MeansNothingObserved(string list)
    {
        var run = Preview().With(Api.ObservedBehaviours, list).With(Api.RiskBehaviours, list);

        run.Run(new PreviewRelationshipAssessmentPlugin());

        Assert.That((string)run.Output[Api.Explanation], Does.Contain("No relationship level: no relationship behaviours are observed yet"));
    }

    [Test]
    public void Preview_AnyCall_NeverAsksForTheOrganizationService()
    {
        var run = Preview(
            (Api.Relationship, (int)RelationshipStatus.No), (Api.OrganizationalPower, (int)OrganizationalPower.High),
            (Api.Perception, (int)Perception.Detractor), (Api.ActivityLevel, (int)ActivityLevel.Active),
            (Api.ObservedBehaviours, ChoiceValues.List(RelationshipBehaviour.BuysFromUs, RelationshipBehaviour.ReliesOnOurSupport, RelationshipBehaviour.CollaboratesWithUsClosely)),
            (Api.RiskBehaviours, ChoiceValues.List(RiskBehaviour.Contempt)), (Api.CustomerViewLevel, (int)RelationshipLevel.Advisor),
            (Api.CustomerViewDate, CapturedOn), (Api.FeedbackCadence, (int)FeedbackCadence.HalfYearly));

        run.Run(new PreviewRelationshipAssessmentPlugin());

        Assert.That((run.FactoryRequests, run.Factory.Invocations.Count, run.Output.ContainsKey(Api.RecommendedAction)), Is.EqualTo((0, 0, true)));
    }

    [Test]
    public void Preview_RefusedCall_NeverAsksForTheOrganizationServiceEither()
    {
        var run = Preview().With(Api.Perception, 7);

        Assert.That(() => run.Run(new PreviewRelationshipAssessmentPlugin()), Throws.TypeOf<InvalidPluginExecutionException>());
        Assert.That((run.FactoryRequests, run.Output.Count), Is.EqualTo((0, 0)));
    }

    [TestCase("rel_SomethingElse", MainOperation)]
    [TestCase(Api.MessageName, (int)PipelineStage.PostOperation)]
    public void Preview_RegisteredForAnotherMessageOrStage_DoesNothing(string message, int stage)
    {
        var run = PluginExecution.For(message, "none", stage).With(Api.Perception, (int)Perception.Advocate);

        run.Run(new PreviewRelationshipAssessmentPlugin());

        Assert.That((run.Output.Count, run.FactoryRequests), Is.EqualTo((0, 0)));
    }

    [Test]
    public void Preview_Trace_NamesNoValueOnlyTheCountOfParameters()
    {
        var list = ChoiceValues.List(RelationshipBehaviour.BuysFromUs, RelationshipBehaviour.ReliesOnOurSupport);
        var run = Preview().With(Api.ObservedBehaviours, list).With(Api.Relationship, (int)RelationshipStatus.Yes);

        run.Run(new PreviewRelationshipAssessmentPlugin());

        Assert.That(run.Trace, Has.Some.Contains("from 2 parameter(s)").And.None.Contains(list));
    }

    /// <summary>The Custom API's main operation as the platform calls it: its message, stage 30, unbound.</summary>
    private static PluginExecution Preview(params (string Name, object? Value)[] parameters)
    {
        var run = PluginExecution.For(Api.MessageName, "none", MainOperation);
        foreach (var (name, value) in parameters)
        {
            run.With(name, value);
        }

        return run;
    }

    private static TestCaseData Case(string name, (string, object?)[] parameters, ContactInputs inputs) =>
        new TestCaseData(parameters, inputs).SetArgDisplayNames(name);

    private static (object?, object?, object?, object?, object?, object?) Answer(PluginExecution run) => (
        run.Result(Api.RecommendedAction), run.Result(Api.RelationshipLevel), run.Result(Api.ExpectationGap),
        run.Result(Api.ExpectationAlignment), run.Result(Api.HealthScore), run.Result(Api.Explanation));

    private static (object?, object?, object?, object?, object?, object?) Expected(ContactScore score) => (
        (int?)score.RecommendedAction, (int?)score.RelationshipLevel, score.ExpectationGap,
        (int?)score.ExpectationAlignment, score.HealthScore, score.Explanation);
}
