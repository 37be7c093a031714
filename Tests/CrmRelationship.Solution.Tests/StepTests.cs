using System;
using System.Collections.Generic;
using System.Linq;
using CrmRelationship.Scoring;
using CrmRelationship.SolutionModel;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests;

/// <summary>
/// The sixteen plug-in steps are registered exactly as dataverse-schema.md ("What the solution must show")
/// describes them: message, table, stage, mode, filtering attributes and images; the seven of the contact and
/// account synchronous, the nine of the activity tables asynchronous.
/// </summary>
[TestFixture]
public sealed class StepTests
{
    private const string ContactScoring = "CrmRelationship.Plugins.ContactScoringPlugin";
    private const string ContactRollup = "CrmRelationship.Plugins.ContactRollupPlugin";
    private const string AccountScoring = "CrmRelationship.Plugins.AccountScoringPlugin";
    private const string ActivityTouchpoints = "CrmRelationship.Plugins.ActivityTouchpointsPlugin";

    private const string ContactInputs =
        "rel_relationship,rel_organizationalpower,rel_perception,rel_activitylevel,rel_observedbehaviours,"
        + "rel_riskbehaviours,rel_customerviewlevel,rel_customerviewdate,rel_feedbackcadence";

    private const string ContactTouchpoints = "rel_touchpoints,rel_lasttouchpoint,rel_engagement";

    private const string AccountInputs = "rel_customerviewlevel,rel_customerviewdate,rel_feedbackcadence";

    private const string RollupImage =
        "parentcustomerid,statecode,createdon,fullname,rel_organizationalpower,rel_relationship,"
        + "rel_recommendedaction,rel_relationshiplevel,rel_healthscore,rel_expectationgap,rel_lasttouchpoint,rel_engagement";

    /// <summary>
    /// The rule for every step, written out from the schema page: name → mode, stage, filtering attributes, AsyncAutoDelete
    /// and images (name:type:message property:columns).
    /// </summary>
    private static readonly Dictionary<string, string> Rules = BuildRules();

    [Test]
    public void Steps_Registration_FollowTheRuleOfEveryStep()
    {
        // Arrange
        var source = Fixture.Source.Steps.ToDictionary(s => s.Name, Describe, StringComparer.Ordinal);

        // Act
        var wrong = Rules.Where(r => !source.TryGetValue(r.Key, out var actual) || actual != r.Value)
            .Select(r => r.Key + ": expected " + r.Value + ", registered " + (source.TryGetValue(r.Key, out var actual) ? actual : "nothing"))
            .Concat(source.Keys.Where(k => !Rules.ContainsKey(k)).Select(k => k + ": registered but not a step of the product"))
            .ToList();

        // Assert
        Assert.That(wrong, Is.Empty);
    }

    [Test]
    public void Steps_Rules_CoverSixteenStepsNineOfThemAsynchronous()
    {
        Assert.That((Rules.Count, Rules.Values.Count(r => r.StartsWith("mode 1", StringComparison.Ordinal))), Is.EqualTo((16, 9)));
    }

    private static string Describe(StepRegistration step) =>
        $"mode {step.Mode}, stage {step.Stage}, filtering [{string.Join(",", step.FilteringAttributes)}], autodelete {step.AsyncAutoDelete}, images ["
        + string.Join("; ", step.Images.Select(i => $"{i.Name}:{i.ImageType}:{i.MessagePropertyName}:{string.Join(",", i.Attributes)}")) + "]";

    private static Dictionary<string, string> BuildRules()
    {
        static string Rule(int mode, int stage, string filtering, params string[] images) =>
            $"mode {mode}, stage {stage}, filtering [{filtering}], autodelete {mode}, images [{string.Join("; ", images)}]";

        var rules = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [$"{ContactScoring}: Create of contact"] = Rule(0, 20, ""),
            [$"{ContactScoring}: Update of contact"] = Rule(0, 20, ContactInputs + "," + ContactTouchpoints,
                "PreImage:0:Target:" + ContactInputs + ",rel_relationshiplevel,rel_previouslevel,rel_levelchangedon,rel_touchpoints,rel_lasttouchpoint"),
            [$"{ContactRollup}: Create of contact"] = Rule(0, 40, "", "PostImage:1:id:" + RollupImage),
            [$"{ContactRollup}: Update of contact"] = Rule(0, 40, ContactInputs + ",parentcustomerid,statecode,rel_lasttouchpoint,rel_engagement",
                "PreImage:0:Target:" + RollupImage, "PostImage:1:Target:" + RollupImage),
            [$"{ContactRollup}: Delete of contact"] = Rule(0, 40, "", "PreImage:0:Target:" + RollupImage),
            [$"{AccountScoring}: Create of account"] = Rule(0, 20, ""),
            [$"{AccountScoring}: Update of account"] = Rule(0, 20, AccountInputs, "PreImage:0:Target:" + AccountInputs),
        };
        var partyLists = new Dictionary<string, string>
        {
            ["phonecall"] = "from,to,cc",
            ["appointment"] = "requiredattendees,optionalattendees,organizer",
            ["email"] = "from,to,cc",
        };
        foreach (var (table, parties) in partyLists)
        {
            rules[$"{ActivityTouchpoints}: Create of {table}"] = Rule(1, 40, "");
            rules[$"{ActivityTouchpoints}: Update of {table}"] = Rule(1, 40, "statecode,actualend");
            rules[$"{ActivityTouchpoints}: Delete of {table}"] = Rule(1, 40, "", "PreImage:0:Target:statecode," + parties);
        }

        return rules;
    }

    [TestCase("contact")]
    [TestCase("account")]
    public void ScoringUpdateStep_FilteringAttributes_ExcludeEveryComputedColumn(string entity)
    {
        // The scoring steps never fire on their own writes: every column they write (its score table and
        // rel_scoredon) is outside their filtering attributes. The contact's touchpoint columns are computed too,
        // but by the activity step, so the contact's scoring fires on them to rewrite its explanation.
        var plugin = entity == "contact" ? ContactScoring : AccountScoring;
        var written = (entity == "contact" ? ScoreColumns.Contact.Select(c => c.Name) : ScoreColumns.Account.Select(c => c.Name))
            .Append(LogicalNames.Computed.ScoredOn);

        Assert.That(Fixture.Source.Step(plugin, "Update", entity).FilteringAttributes.Intersect(written), Is.Empty);
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.Steps))]
    public void Step_Mode_IsSynchronousExceptOnActivitiesWithEmptyConfiguration(StepRegistration step)
    {
        var expected = step.PluginClassName == ActivityTouchpoints ? StepMode.Asynchronous : StepMode.Synchronous;

        Assert.That((step.ExecutionMode, step.Configuration, step.Rank), Is.EqualTo((expected, (string?)null, 1)));
    }

    // The ids are written out here from sdk-solution-webapi.md §3.8 (the same in every organization), and the
    // message is read from the step's Name: the reader names a step's message from its id through SdkMessages,
    // so comparing the id with SdkMessages.IdOf(step.Message) could never fail.
    [TestCase("Create", "9ebdbb1b-ea3e-db11-86a7-000a3a5473e8")]
    [TestCase("Update", "20bebb1b-ea3e-db11-86a7-000a3a5473e8")]
    [TestCase("Delete", "a1bdbb1b-ea3e-db11-86a7-000a3a5473e8")]
    public void Steps_NamedForAMessage_UseTheDocumentedIdOfThatMessage(string message, string documentedId)
    {
        var ids = Fixture.Source.Steps.Where(s => s.Name.Contains($": {message} of ", StringComparison.Ordinal)).Select(s => s.SdkMessageId).ToList();

        Assert.That((ids.Count > 0, ids.Distinct()), Is.EqualTo((true, new[] { Guid.Parse(documentedId) })));
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.Steps))]
    public void Step_PluginType_IsATypeOfTheRegisteredAssemblyWithItsId(StepRegistration step)
    {
        var assembly = Fixture.Source.PluginAssemblies.Single();
        var type = assembly.Types.SingleOrDefault(t => t.TypeName == step.PluginClassName);

        Assert.That((type?.Id, type?.QualifiedName), Is.EqualTo(((Guid?)step.PluginTypeId, step.PluginTypeName)));
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.Steps))]
    public void Step_Images_FollowThePlatformRules(StepRegistration step)
    {
        // No pre-image on Create, no post-image before the operation, Create images on "id", others on "Target".
        var broken = step.Images.Where(i =>
            (step.Message == "Create" && i.IsPreImage)
            || (step.Message == "Delete" && i.IsPostImage)
            || (step.Stage < 40 && i.IsPostImage)
            || i.MessagePropertyName != (step.Message == "Create" ? "id" : "Target"));

        Assert.That(broken.Select(i => i.Name), Is.Empty);
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.Steps))]
    public void Step_Name_SaysClassMessageAndTable(StepRegistration step)
    {
        Assert.That(step.Name, Is.EqualTo($"{step.PluginClassName}: {step.Message} of {step.PrimaryEntity}"));
    }
}
