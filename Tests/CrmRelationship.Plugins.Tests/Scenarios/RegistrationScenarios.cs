using System.Linq;
using CrmRelationship.Plugins.Tests.Support;
using NUnit.Framework;

namespace CrmRelationship.Plugins.Tests.Scenarios;

/// <summary>The harness runs exactly the seven steps registered in Solution/src, with their filtering attributes and images.</summary>
[TestFixture]
public sealed class RegistrationScenarios
{
    private const string Inputs = "rel_relationship,rel_organizationalpower,rel_perception,rel_activitylevel,rel_observedbehaviours,rel_riskbehaviours,rel_customerviewlevel,rel_customerviewdate,rel_feedbackcadence";
    private const string RollupImage = "parentcustomerid,statecode,createdon,fullname,rel_organizationalpower,rel_relationship,rel_recommendedaction,rel_relationshiplevel,rel_healthscore,rel_expectationgap,rel_lasttouchpoint,rel_engagement";

    [Test]
    public void SolutionSteps_AreTheSevenSynchronousStepsAndNineAsynchronousActivityStepsTheSchemaPageDescribes()
    {
        // Arrange
        var expected = new[]
        {
            "AccountScoringPlugin Create account 20 | ",
            "AccountScoringPlugin Update account 20 | rel_customerviewlevel,rel_customerviewdate,rel_feedbackcadence | PreImage(0): rel_customerviewlevel,rel_customerviewdate,rel_feedbackcadence",
            "ContactRollupPlugin Create contact 40 |  | PostImage(1): " + RollupImage,
            "ContactRollupPlugin Delete contact 40 |  | PreImage(0): " + RollupImage,
            "ContactRollupPlugin Update contact 40 | " + Inputs + ",parentcustomerid,statecode,rel_lasttouchpoint,rel_engagement | PreImage(0): " + RollupImage + " | PostImage(1): " + RollupImage,
            "ContactScoringPlugin Create contact 20 | ",
            "ContactScoringPlugin Update contact 20 | " + Inputs + ",rel_touchpoints,rel_lasttouchpoint,rel_engagement | PreImage(0): " + Inputs + ",rel_relationshiplevel,rel_previouslevel,rel_levelchangedon,rel_touchpoints,rel_lasttouchpoint",
        }.Concat(new[] { ("phonecall", "from,to,cc"), ("appointment", "requiredattendees,optionalattendees,organizer"), ("email", "from,to,cc") }.SelectMany(t => new[]
        {
            $"ActivityTouchpointsPlugin Create {t.Item1} 40 | ",
            $"ActivityTouchpointsPlugin Delete {t.Item1} 40 |  | PreImage(0): statecode,{t.Item2}",
            $"ActivityTouchpointsPlugin Update {t.Item1} 40 | statecode,actualend",
        })).OrderBy(s => s, System.StringComparer.Ordinal).ToArray();

        // Act
        var crm = Crm.Registered();
        var actual = crm.Steps
            .Select(s => string.Join(
                " | ",
                new[] { $"{s.PluginClassName.Split('.').Last()} {s.Message} {s.PrimaryEntity} {s.Stage}", string.Join(",", s.FilteringAttributes) }
                    .Concat(s.Images.Select(i => $"{i.EntityAlias}({i.ImageType}): {string.Join(",", i.Attributes)}"))))
            .OrderBy(s => s, System.StringComparer.Ordinal)
            .ToList();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(actual, Is.EqualTo(expected));
            Assert.That(crm.Steps.Select(s => (s.PluginClassName.EndsWith("ActivityTouchpointsPlugin", System.StringComparison.Ordinal), s.Mode)), Is.All.Matches<(bool Activity, int Mode)>(s => s.Mode == (s.Activity ? 1 : 0)));
        });
    }
}
