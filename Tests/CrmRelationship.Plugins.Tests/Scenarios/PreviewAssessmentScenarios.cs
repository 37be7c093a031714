using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmRelationship.Plugins.Tests.Support;
using CrmRelationship.Scoring;
using CrmRelationship.Testing;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;
using Api = CrmRelationship.Scoring.LogicalNames.PreviewAssessment;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Plugins.Tests.Scenarios;

/// <summary>
/// The Custom API rel_PreviewRelationshipAssessment as registered in Solution/src/customapis, through the
/// pipeline: the request is checked against the registered parameters, PreviewRelationshipAssessmentPlugin
/// (the registered plug-in type) runs at stage 30, and the response holds only registered properties. The
/// preview answers what the Scoring library computes, names what is missing, refuses a value that cannot be
/// right naming the parameter, makes no service call and writes nothing.
/// </summary>
[TestFixture]
public sealed class PreviewAssessmentScenarios
{
    private static readonly DateTime CapturedOn = new(2026, 1, 15, 16, 30, 0, DateTimeKind.Utc);

    public static IEnumerable<TestCaseData> Previews()
    {
        TestCaseData Case(string name, ContactInputs inputs, string separator = ",", bool absentAsNull = false) =>
            new TestCaseData(inputs, separator, absentAsNull).SetArgDisplayNames(name);

        yield return Case("every input, a list of behaviours and a capture date", new ContactInputs
        {
            Relationship = RelationshipStatus.No, OrganizationalPower = OrganizationalPower.High,
            Perception = Perception.Detractor, ActivityLevel = ActivityLevel.Active,
            ObservedBehaviours = new[] { RelationshipBehaviour.BuysFromUs, RelationshipBehaviour.ReliesOnOurSupport, RelationshipBehaviour.CollaboratesWithUsClosely },
            RiskBehaviours = new[] { RiskBehaviour.Contempt }, CustomerViewLevel = RelationshipLevel.Advisor,
            CustomerViewDate = CapturedOn, FeedbackCadence = FeedbackCadence.HalfYearly, PrimaryNeed = HumanNeed.Significance,
        });
        yield return Case("what they need most without an action: no next step", new ContactInputs { PrimaryNeed = HumanNeed.Certainty, Perception = Perception.Advocate });
        yield return Case(
            "the matrix only, the rest sent as null",
            Contacts.Matrix(RelationshipStatus.Yes, OrganizationalPower.High, Perception.Advocate, ActivityLevel.Active),
            absentAsNull: true);
        yield return Case(
            "a list with spaces and a missing rung, an underestimated view without a date",
            new ContactInputs
            {
                ObservedBehaviours = new[] { RelationshipBehaviour.BuysFromUs, RelationshipBehaviour.ReliesOnOurSupport, RelationshipBehaviour.ConsultsUsBeforeDecisions },
                CustomerViewLevel = RelationshipLevel.InnerCircle, Perception = Perception.Advocate, Relationship = RelationshipStatus.Yes,
            },
            separator: " , ");
        yield return Case("three risks, every rung, an overestimated view captured long ago", new ContactInputs
        {
            RiskBehaviours = new[] { RiskBehaviour.Criticism, RiskBehaviour.Defensiveness, RiskBehaviour.Stonewalling },
            ObservedBehaviours = Enum.GetValues<RelationshipBehaviour>(),
            CustomerViewLevel = RelationshipLevel.Transactional, CustomerViewDate = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc),
            FeedbackCadence = FeedbackCadence.Yearly,
        });
        yield return Case("the saved contact of the other scenarios", Contacts.FullyAssessed);
    }

    [TestCaseSource(nameof(Previews))]
    public void Preview_OfInputs_AnswersWhatTheScoringLibraryComputes(ContactInputs inputs, string separator, bool absentAsNull)
    {
        // Arrange
        var crm = Crm.Registered();
        var request = PreviewRequest(inputs, separator, absentAsNull);

        // Act: the pipeline fails the request if a response value is not exactly its registered type (Integer: Int32).
        var before = RelationshipScorer.Default.ScoreContact(inputs, null, DateTime.UtcNow);
        var response = crm.Execute(request);
        var after = RelationshipScorer.Default.ScoreContact(inputs, null, DateTime.UtcNow);

        // Assert: "today" shows only in an explanation without a capture date, and may have moved on during the call.
        Assert.Multiple(() =>
        {
            Assert.That(Answer(response), Is.EqualTo(Expected(before)).Or.EqualTo(Expected(after)));
            Assert.That(response.Results.Keys, Is.SubsetOf(RegisteredResponseProperties()));
            Assert.That(response.ResponseName, Is.EqualTo(Api.MessageName));
        });
    }

    [Test]
    public void Preview_ActionAndNeed_AnswersTheNextStepOfTheActionThenTheNeed()
    {
        var crm = Crm.Registered();
        var inputs = Contacts.Matrix(RelationshipStatus.No, OrganizationalPower.High, Perception.Detractor, ActivityLevel.Active);

        var response = crm.Execute(
            Api.MessageName,
            (Api.Relationship, (int)inputs.Relationship!), (Api.OrganizationalPower, (int)inputs.OrganizationalPower!),
            (Api.Perception, (int)inputs.Perception!), (Api.ActivityLevel, (int)inputs.ActivityLevel!), (Api.PrimaryNeed, (int)HumanNeed.Connection));

        Assert.That(
            response.Results[Api.NextStep],
            Is.EqualTo(NextSteps.DefaultFor(RecommendedAction.HighRiskImprovePerception) + " " + NextSteps.DefaultFor(HumanNeed.Connection)));
    }

    [Test]
    public void Preview_EmptyRequest_GivesNoActionAndAnExplanationNamingTheMissingInputs()
    {
        var crm = Crm.Registered();

        var response = crm.Execute(new OrganizationRequest(Api.MessageName));

        Assert.That(response.Results.Keys, Is.EquivalentTo(new[] { Api.Explanation }), "nothing computed, only the explanation");
        Assert.That(
            (string)response.Results[Api.Explanation],
            Does.Contain("No recommended action: Relationship, Organizational power, Perception and Activity level are not assessed yet")
                .And.Contain("No relationship level"));
    }

    public static IEnumerable<TestCaseData> OptionValuesOutsideTheirChoice()
    {
        yield return new TestCaseData(Api.Relationship, ChoiceValues.After<RelationshipStatus>());
        yield return new TestCaseData(Api.OrganizationalPower, 1); // a position in the choice, not a value
        yield return new TestCaseData(Api.Perception, -ChoiceValues.Of(Perception.Advocate));
        yield return new TestCaseData(Api.ActivityLevel, ChoiceValues.After<ActivityLevel>());
        yield return new TestCaseData(Api.CustomerViewLevel, ChoiceValues.After<RelationshipLevel>());
        yield return new TestCaseData(Api.FeedbackCadence, ChoiceValues.After<FeedbackCadence>());
    }

    [TestCaseSource(nameof(OptionValuesOutsideTheirChoice))]
    public void Preview_OptionValueOutsideItsChoice_IsRefusedNamingTheParameterAndTheValue(string parameter, int value)
    {
        var crm = Crm.Registered();

        Assert.That(
            () => crm.Execute(Api.MessageName, (parameter, value)),
            Throws.TypeOf<InvalidPluginExecutionException>()
                .With.Message.Contains("parameter " + parameter + " ")
                .And.Message.Contains("'" + value.ToString(CultureInfo.InvariantCulture) + "'"));
        Assert.That((crm.LastOperation.Succeeded, crm.LastOperation.StepsOf(nameof(PreviewRelationshipAssessmentPlugin)).Count), Is.EqualTo((false, 1)));
    }

    public static IEnumerable<TestCaseData> MalformedListsAndValuesOutsideTheirChoice()
    {
        TestCaseData Named(string parameter, string list, string named) => new(parameter, list, named);
        TestCaseData Whole(string parameter, string list) => Named(parameter, list, list);

        var unknownRisk = ChoiceValues.After<RiskBehaviour>().ToString(CultureInfo.InvariantCulture);
        yield return Whole(Api.ObservedBehaviours, ChoiceValues.List(",,", RelationshipBehaviour.BuysFromUs, RelationshipBehaviour.ReliesOnOurSupport));
        yield return Whole(Api.ObservedBehaviours, ChoiceValues.List(";", RelationshipBehaviour.BuysFromUs, RelationshipBehaviour.ReliesOnOurSupport));
        yield return Whole(Api.ObservedBehaviours, "Buys from us");
        yield return Whole(Api.RiskBehaviours, ChoiceValues.Text(RiskBehaviour.Contempt) + ",");
        yield return Named(Api.RiskBehaviours, ChoiceValues.Text(RiskBehaviour.Criticism) + "," + unknownRisk, unknownRisk);
    }

    [TestCaseSource(nameof(MalformedListsAndValuesOutsideTheirChoice))]
    public void Preview_MalformedListOrValueOutsideItsChoice_IsRefusedNamingTheParameterAndTheValue(string parameter, string list, string named)
    {
        var crm = Crm.Registered();

        Assert.That(
            () => crm.Execute(Api.MessageName, (parameter, list)),
            Throws.TypeOf<InvalidPluginExecutionException>()
                .With.Message.Contains("parameter " + parameter + " ")
                .And.Message.Contains("'" + named + "'"));
    }

    [TestCase("relationship")]
    [TestCase("Target")]
    [TestCase("rel_perception")]
    [TestCase("ObservedBehaviors")]
    public void Preview_ParameterNameItDoesNotRegister_IsRefusedBeforeThePluginRuns(string name)
    {
        var crm = Crm.Registered();

        Assert.That(
            () => crm.Execute(Api.MessageName, (Api.Perception, (int)Perception.Advocate), (name, (int)Perception.Advocate)),
            Throws.TypeOf<CustomApiRequestException>().With.Message.Contains("Unrecognized request parameter '" + name + "'"));
        Assert.That(crm.Operations, Is.Empty);
    }

    public static IEnumerable<TestCaseData> ValuesOfAnotherTypeThanRegistered()
    {
        yield return new TestCaseData(Api.Perception, ChoiceValues.Text(Perception.Advocate));
        yield return new TestCaseData(Api.Relationship, (long)ChoiceValues.Of(RelationshipStatus.Yes));
        yield return new TestCaseData(Api.RiskBehaviours, ChoiceValues.Of(RiskBehaviour.Contempt));
        yield return new TestCaseData(Api.CustomerViewDate, "2026-01-15");
    }

    [TestCaseSource(nameof(ValuesOfAnotherTypeThanRegistered))]
    public void Preview_ValueOfAnotherTypeThanRegistered_IsRefusedBeforeThePluginRuns(string parameter, object value)
    {
        var crm = Crm.Registered();

        Assert.That(
            () => crm.Execute(Api.MessageName, (parameter, value)),
            Throws.TypeOf<CustomApiRequestException>().With.Message.Contains("'" + parameter + "' is registered as"));
        Assert.That(crm.Operations, Is.Empty);
    }

    [Test]
    public void Preview_AnyRequest_RunsThePreviewPluginAloneWithNoServiceCallAndWritesNothing()
    {
        // Arrange: rows the preview must leave alone.
        var crm = Crm.Registered();
        var account = crm.CreateAccount("Contoso");
        crm.CreateContact(Contacts.FullyAssessed, account, "Ada Lovelace");
        var stored = Snapshot(crm);

        // Act
        var answered = crm.Execute(PreviewRequest(Contacts.FullyAssessed, ",", absentAsNull: false));
        var empty = crm.Execute(new OrganizationRequest(Api.MessageName));
        var operations = crm.Operations.TakeLast(2).ToList();
        Assert.That(() => crm.Execute(Api.MessageName, (Api.Perception, 7)), Throws.TypeOf<InvalidPluginExecutionException>());
        operations.Add(crm.LastOperation);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That((answered.Results.ContainsKey(Api.RecommendedAction), empty.Results.Count), Is.EqualTo((true, 1)));
            Assert.That(operations.Select(o => o.CallCounts), Is.All.EqualTo(CallCounts.None));
            Assert.That(
                operations.SelectMany(o => o.Steps).Select(s => (s.PluginName, s.Message, s.Stage, s.Depth)),
                Is.All.EqualTo((nameof(PreviewRelationshipAssessmentPlugin), Api.MessageName, Pipeline.MainOperationStage, 1)));
            Assert.That(operations.Select(o => o.Steps.Count), Is.All.EqualTo(1));
            Assert.That(Snapshot(crm), Is.EqualTo(stored));
        });
    }

    [Test]
    public void PreviewRegistration_NamesThePreviewPluginAndOnlyOptionalParameters()
    {
        var api = Crm.CustomApis.Find(Api.MessageName)!;

        Assert.Multiple(() =>
        {
            Assert.That(api.MainOperation!.PluginClassName, Is.EqualTo(typeof(PreviewRelationshipAssessmentPlugin).FullName));
            Assert.That(api.Definition.RequestParameters.Select(p => p.IsOptional), Is.All.True);
        });
    }

    /// <summary>The request the contact form sends: option values as Integer, behaviours as text, the date as DateTime.</summary>
    private static OrganizationRequest PreviewRequest(ContactInputs inputs, string separator, bool absentAsNull)
    {
        var request = new OrganizationRequest(Api.MessageName);
        void Set(string parameter, object? value)
        {
            if (value is not null || absentAsNull)
            {
                request[parameter] = value!;
            }
        }

        string? List<T>(IReadOnlyCollection<T> values)
            where T : struct, Enum =>
            values.Count == 0 ? null : string.Join(separator, values.Select(v => Convert.ToInt32(v, CultureInfo.InvariantCulture)));

        Set(Api.Relationship, (int?)inputs.Relationship);
        Set(Api.OrganizationalPower, (int?)inputs.OrganizationalPower);
        Set(Api.Perception, (int?)inputs.Perception);
        Set(Api.ActivityLevel, (int?)inputs.ActivityLevel);
        Set(Api.ObservedBehaviours, List(inputs.ObservedBehaviours));
        Set(Api.RiskBehaviours, List(inputs.RiskBehaviours));
        Set(Api.CustomerViewLevel, (int?)inputs.CustomerViewLevel);
        Set(Api.CustomerViewDate, inputs.CustomerViewDate);
        Set(Api.PrimaryNeed, (int?)inputs.PrimaryNeed);
        Set(Api.FeedbackCadence, (int?)inputs.FeedbackCadence);
        return request;
    }

    private static IEnumerable<string> RegisteredResponseProperties() =>
        Crm.CustomApis.Find(Api.MessageName)!.Definition.ResponseProperties.Select(p => p.UniqueName);

    private static (object?, object?, object?, object?, object?, object?, object?) Answer(OrganizationResponse response)
    {
        object? Result(string property) => response.Results.TryGetValue(property, out object value) ? value : null;
        return (Result(Api.RecommendedAction), Result(Api.RelationshipLevel), Result(Api.ExpectationGap),
            Result(Api.ExpectationAlignment), Result(Api.HealthScore), Result(Api.Explanation), Result(Api.NextStep));
    }

    private static (object?, object?, object?, object?, object?, object?, object?) Expected(ContactScore score) => (
        (int?)score.RecommendedAction, (int?)score.RelationshipLevel, score.ExpectationGap,
        (int?)score.ExpectationAlignment, score.HealthScore, score.Explanation, score.NextStep);

    /// <summary>Every stored contact and account, column by column, in a form that compares by value.</summary>
    private static List<string> Snapshot(Pipeline crm) =>
        new[] { Names.Contact, Names.Account }
            .SelectMany(crm.Store.All)
            .Select(row => row.LogicalName + " " + row.Id + ": " + string.Join(
                "; ",
                row.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key + "=" + Shown(a.Value))))
            .ToList();

    private static string Shown(object? value) => value switch
    {
        OptionSetValue option => option.Value.ToString(CultureInfo.InvariantCulture),
        OptionSetValueCollection options => string.Join(",", options.Select(o => o.Value)),
        EntityReference reference => reference.LogicalName + ":" + reference.Id,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
    };
}
