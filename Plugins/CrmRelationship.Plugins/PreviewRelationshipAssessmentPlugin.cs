using System;
using Microsoft.Xrm.Sdk;
using Api = CrmRelationship.Scoring.LogicalNames.PreviewAssessment;

namespace CrmRelationship.Plugins;

/// <summary>
/// The main operation of the unbound Custom API action <c>rel_PreviewRelationshipAssessment</c>: the
/// contact form sends the nine inputs as they are on screen, before save, and gets back what the
/// contact scoring step would compute from them (action, level, gap, alignment, health, explanation).
/// It reads and writes nothing: no organization-service call, so a preview costs no data access.
/// </summary>
/// <remarks>
/// A Custom API names its plug-in type directly and has no step of ours, so there is no unsecure
/// configuration to read: the preview scores with the model's default settings. Where an administrator
/// has changed the contact scoring step's settings, the saved assessment, not the preview, is authoritative.
/// </remarks>
public sealed class PreviewRelationshipAssessmentPlugin : IPlugin
{
    /// <summary>The pipeline stage of a Custom API's main operation, the only stage its plug-in runs in.</summary>
    internal const int MainOperation = 30;

    private const string Name = nameof(PreviewRelationshipAssessmentPlugin);
    private readonly StepSettings settings;

    public PreviewRelationshipAssessmentPlugin()
        : this(null, null)
    {
    }

    /// <param name="unsecureConfiguration">The administrator settings JSON (relationship-model.md §8), or empty.
    /// The platform passes none for a Custom API; the parameter keeps the constructor the other plug-ins have.</param>
    /// <param name="secureConfiguration">Not used.</param>
    public PreviewRelationshipAssessmentPlugin(string? unsecureConfiguration, string? secureConfiguration)
    {
        settings = new StepSettings(unsecureConfiguration);
    }

    public void Execute(IServiceProvider serviceProvider) => PluginCall.Run(serviceProvider, Name, Preview);

    private void Preview(PluginCall call)
    {
        var context = call.Context;
        if (!string.Equals(context.MessageName, Api.MessageName, StringComparison.Ordinal) || context.Stage != MainOperation)
        {
            call.Trace("Not registered as expected ({0} stage {1}); nothing done.", context.MessageName, context.Stage);
            return;
        }

        var now = DateTime.UtcNow;
        var inputs = PreviewParameters.Inputs(context.InputParameters, now);
        var score = settings.Scorer.ScoreContact(inputs, null, now);
        PreviewParameters.Write(score, context.OutputParameters);
        call.Trace(
            "Previewed an assessment from {0} parameter(s): action {1}, level {2}, health {3}.",
            PreviewParameters.CountGiven(context.InputParameters),
            PluginCall.Number((int?)score.RecommendedAction),
            PluginCall.Number((int?)score.RelationshipLevel),
            PluginCall.Number(score.HealthScore));
    }
}
