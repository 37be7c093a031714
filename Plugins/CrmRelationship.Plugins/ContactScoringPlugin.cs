using System;
using CrmRelationship.Scoring;
using Microsoft.Xrm.Sdk;

namespace CrmRelationship.Plugins;

/// <summary>
/// Contact Create and Update, PreOperation, synchronous: merges the Target over the pre-image,
/// scores the contact and sets every computed column on the Target, so the values are saved with
/// the seller's change in the same transaction and cost no organization-service call.
/// </summary>
public sealed class ContactScoringPlugin : IPlugin
{
    private const string Name = nameof(ContactScoringPlugin);
    private readonly StepSettings settings;

    public ContactScoringPlugin()
        : this(null, null)
    {
    }

    /// <param name="unsecureConfiguration">The administrator settings JSON (relationship-model.md §8), or empty.</param>
    /// <param name="secureConfiguration">Not used.</param>
    public ContactScoringPlugin(string? unsecureConfiguration, string? secureConfiguration)
    {
        settings = new StepSettings(unsecureConfiguration);
    }

    public void Execute(IServiceProvider serviceProvider) => PluginCall.Run(serviceProvider, Name, Score);

    private void Score(PluginCall call)
    {
        var target = call.RegisteredTarget(LogicalNames.Contact);
        if (target is null)
        {
            return;
        }

        var scorer = settings.Scorer;
        LevelHistory? history = null;
        Entity? stored = null;
        if (call.IsMessage(Messages.Update))
        {
            stored = call.PreImage ?? throw call.Misregistered("The contact scoring step has no pre-image named PreImage.");
            history = ContactColumns.History(new ColumnValues(null, stored));
        }

        var now = DateTime.UtcNow;
        var inputs = ContactColumns.Inputs(new ColumnValues(target, stored), now);
        var score = scorer.ScoreContact(inputs, history, now);
        ContactColumns.Write(score, now, target);
        call.Trace(
            "Scored contact {0}: action {1}, level {2}, health {3}.",
            call.Context.PrimaryEntityId,
            PluginCall.Number((int?)score.RecommendedAction),
            PluginCall.Number((int?)score.RelationshipLevel),
            PluginCall.Number(score.HealthScore));
    }
}
