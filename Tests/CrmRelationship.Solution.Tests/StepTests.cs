using System;
using System.Linq;
using CrmRelationship.SolutionModel;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests;

/// <summary>
/// The seven plug-in steps are registered exactly as dataverse-schema.md ("What the solution must show")
/// describes them: message, table, stage, filtering attributes and images, all synchronous.
/// </summary>
[TestFixture]
public sealed class StepTests
{
    private const string ContactScoring = "CrmRelationship.Plugins.ContactScoringPlugin";
    private const string ContactRollup = "CrmRelationship.Plugins.ContactRollupPlugin";
    private const string AccountScoring = "CrmRelationship.Plugins.AccountScoringPlugin";

    private const string ContactInputs =
        "rel_relationship,rel_organizationalpower,rel_perception,rel_activitylevel,rel_observedbehaviours,"
        + "rel_riskbehaviours,rel_customerviewlevel,rel_customerviewdate,rel_feedbackcadence,rel_primaryneed";

    private const string AccountInputs = "rel_customerviewlevel,rel_customerviewdate,rel_feedbackcadence";

    private const string RollupImage =
        "parentcustomerid,statecode,createdon,fullname,rel_organizationalpower,rel_relationship,"
        + "rel_recommendedaction,rel_relationshiplevel,rel_healthscore,rel_expectationgap,rel_nextstep";

    [TestCase(ContactScoring, "Create", "contact", 20, "")]
    [TestCase(ContactScoring, "Update", "contact", 20, ContactInputs)]
    [TestCase(ContactRollup, "Create", "contact", 40, "")]
    [TestCase(ContactRollup, "Update", "contact", 40, ContactInputs + ",parentcustomerid,statecode,fullname")]
    [TestCase(ContactRollup, "Delete", "contact", 40, "")]
    [TestCase(AccountScoring, "Create", "account", 20, "")]
    [TestCase(AccountScoring, "Update", "account", 20, AccountInputs)]
    public void Step_Registration_HasItsStageModeAndFilteringAttributes(string plugin, string message, string entity, int stage, string filtering)
    {
        var step = Fixture.Source.Step(plugin, message, entity);

        Assert.That((step.Stage, step.Mode, string.Join(",", step.FilteringAttributes)), Is.EqualTo((stage, 0, filtering)));
    }

    [TestCase(ContactScoring, "Create", "contact", "")]
    [TestCase(ContactScoring, "Update", "contact", "PreImage")]
    [TestCase(ContactRollup, "Create", "contact", "PostImage")]
    [TestCase(ContactRollup, "Update", "contact", "PreImage,PostImage")]
    [TestCase(ContactRollup, "Delete", "contact", "PreImage")]
    [TestCase(AccountScoring, "Create", "account", "")]
    [TestCase(AccountScoring, "Update", "account", "PreImage")]
    public void Step_Images_AreExactlyTheRegisteredOnes(string plugin, string message, string entity, string images)
    {
        var step = Fixture.Source.Step(plugin, message, entity);

        Assert.That(string.Join(",", step.Images.Select(i => i.Name)), Is.EqualTo(images));
    }

    [TestCase(ContactScoring, "Update", "contact", "PreImage", 0, "Target", ContactInputs + ",rel_relationshiplevel,rel_previouslevel,rel_levelchangedon")]
    [TestCase(ContactRollup, "Create", "contact", "PostImage", 1, "id", RollupImage)]
    [TestCase(ContactRollup, "Update", "contact", "PreImage", 0, "Target", RollupImage)]
    [TestCase(ContactRollup, "Update", "contact", "PostImage", 1, "Target", RollupImage)]
    [TestCase(ContactRollup, "Delete", "contact", "PreImage", 0, "Target", RollupImage)]
    [TestCase(AccountScoring, "Update", "account", "PreImage", 0, "Target", AccountInputs + ",rel_keycontactid,rel_previouskeycontactid,rel_keycontactchangedon")]
    public void StepImage_Registration_HasItsTypePropertyAliasAndColumns(
        string plugin, string message, string entity, string image, int type, string property, string columns)
    {
        var registered = Fixture.Source.Step(plugin, message, entity).Image(image);

        Assert.That(
            (registered?.ImageType, registered?.MessagePropertyName, registered?.EntityAlias, registered is null ? null : string.Join(",", registered.Attributes)),
            Is.EqualTo(((int?)type, property, image, columns)));
    }

    [Test]
    public void Steps_InSource_AreExactlyTheSevenRegistrations()
    {
        Assert.That(Fixture.Source.Steps.Select(s => s.Name), Is.EquivalentTo(new[]
        {
            $"{ContactScoring}: Create of contact", $"{ContactScoring}: Update of contact",
            $"{ContactRollup}: Create of contact", $"{ContactRollup}: Update of contact", $"{ContactRollup}: Delete of contact",
            $"{AccountScoring}: Create of account", $"{AccountScoring}: Update of account",
        }));
    }

    [TestCase("contact")]
    [TestCase("account")]
    public void ScoringUpdateStep_FilteringAttributes_ExcludeEveryComputedColumn(string entity)
    {
        var plugin = entity == "contact" ? ContactScoring : AccountScoring;
        var computed = SolutionColumns.ComputedOf(entity);

        Assert.That(Fixture.Source.Step(plugin, "Update", entity).FilteringAttributes.Intersect(computed), Is.Empty);
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.Steps))]
    public void Step_Mode_IsSynchronousWithEmptyConfiguration(StepRegistration step)
    {
        Assert.That((step.ExecutionMode, step.Configuration, step.Rank), Is.EqualTo((StepMode.Synchronous, (string?)null, 1)));
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
