using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CrmRelationship.Scoring;

namespace CrmRelationship.Dataverse.Steps;

/// <summary>
/// The steps' unsecure configurations read with the plug-ins' own parser (<see cref="ScoringSettings.Parse"/>) and
/// compared by what they mean, not how they are written: whether every step scores by the same rules, which do not,
/// and which cannot be read. Only the pipeline steps count (stages 10, 20, 40); the Custom API's main operation has
/// no configuration.
/// </summary>
public sealed class StepConfigurations
{
    private StepConfigurations(
        IReadOnlyList<PluginStep> steps, IReadOnlyList<StepGroup> groups, IReadOnlyList<(PluginStep Step, ScoringSettingsException Error)> invalid)
    {
        Steps = steps;
        Groups = groups;
        Invalid = invalid;
    }

    /// <summary>The pipeline steps, by name.</summary>
    public IReadOnlyList<PluginStep> Steps { get; }

    /// <summary>The steps grouped by the settings their configuration means; one group when they agree.</summary>
    public IReadOnlyList<StepGroup> Groups { get; }

    /// <summary>Steps whose configuration the plug-ins refuse, with the plug-ins' message naming the key.</summary>
    public IReadOnlyList<(PluginStep Step, ScoringSettingsException Error)> Invalid { get; }

    public bool Agree => Invalid.Count == 0 && Groups.Count == 1;

    /// <summary>The settings every step scores by; only when they <see cref="Agree"/>.</summary>
    public ScoringSettings Settings => Agree ? Groups[0].Settings : throw new InvalidOperationException("The steps do not agree.");

    public static StepConfigurations Of(IReadOnlyList<PluginStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var pipeline = steps.Where(s => s.Stage is 10 or 20 or 40).ToList();
        var parsed = new List<(PluginStep Step, ScoringSettings Settings, string Fingerprint)>();
        var invalid = new List<(PluginStep, ScoringSettingsException)>();
        foreach (var step in pipeline)
        {
            try
            {
                var settings = ScoringSettings.Parse(step.EffectiveConfiguration);
                parsed.Add((step, settings, Fingerprint(settings)));
            }
            catch (ScoringSettingsException ex)
            {
                invalid.Add((step, ex));
            }
        }

        var groups = parsed
            .GroupBy(p => p.Fingerprint, StringComparer.Ordinal)
            .Select(g => new StepGroup(g.Key, g.First().Settings, g.Select(p => p.Step).ToList()))
            .ToList();
        return new StepConfigurations(pipeline, groups, invalid);
    }

    /// <summary>One sentence naming what differs and what to do, or null when the steps agree.</summary>
    public string? Disagreement()
    {
        if (Invalid.Count > 0)
        {
            var (step, error) = Invalid[0];
            return "The configuration of step '" + step.ShortName + "' is refused by the plug-ins (" + error.Message.TrimEnd('.')
                + (Invalid.Count > 1 ? "; " + (Invalid.Count - 1).ToString(CultureInfo.InvariantCulture) + " more steps are refused too" : string.Empty)
                + "): every save on those tables fails until it is fixed; give every step a valid configuration with crmrel settings apply FILE.";
        }

        if (Groups.Count <= 1)
        {
            return null;
        }

        var parts = Groups.Select(g => Names(g.Steps) + (g.Steps.Count == 1 ? " has " : " have ") + Describe(g.Settings));
        return "The steps of " + PluginSteps.NamePrefix.TrimEnd('.') + " do not have the same configuration, so contacts and accounts are scored by different rules: "
            + string.Join("; ", parts) + ". Give every step the same configuration with crmrel settings apply FILE.";
    }

    /// <summary>What settings mean, against the defaults: "the defaults", or "highPowerWeight 5; matrix No/High/Detractor/Active → …".</summary>
    public static string Describe(ScoringSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var parts = new List<string>();
        for (var row = 0; row < RelationshipMatrix.RowCount; row++)
        {
            if (settings.ActionFor(row) != RelationshipMatrix.Defaults[row])
            {
                parts.Add("matrix " + RelationshipMatrix.RowKey(row) + " → " + Labels.Of(settings.ActionFor(row)));
            }
        }

        if (settings.HighPowerWeight != ScoringSettings.DefaultHighPowerWeight)
        {
            parts.Add("highPowerWeight " + settings.HighPowerWeight.ToString(CultureInfo.InvariantCulture));
        }

        var w = settings.HealthWeights;
        var d = HealthWeights.Default;
        if (w.Ladder != d.Ladder || w.Stance != d.Stance || w.Alignment != d.Alignment || w.Risk != d.Risk)
        {
            parts.Add("healthWeights ladder " + N(w.Ladder) + ", stance " + N(w.Stance) + ", alignment " + N(w.Alignment) + ", risk " + N(w.Risk));
        }

        return parts.Count == 0 ? "the defaults" : string.Join("; ", parts);
    }

    /// <summary>A text that is equal for two settings exactly when they score alike.</summary>
    public static string Fingerprint(ScoringSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var text = new StringBuilder();
        for (var row = 0; row < RelationshipMatrix.RowCount; row++)
        {
            text.Append(((int)settings.ActionFor(row)).ToString(CultureInfo.InvariantCulture)).Append(',');
        }

        var w = settings.HealthWeights;
        text.Append(N(settings.HighPowerWeight)).Append('|').Append(N(w.Ladder)).Append(',').Append(N(w.Stance)).Append(',')
            .Append(N(w.Alignment)).Append(',').Append(N(w.Risk));
        return text.ToString();
    }

    private static string Names(IReadOnlyList<PluginStep> steps)
    {
        var names = steps.Select(s => "'" + s.ShortName + "'").ToList();
        return names.Count <= 3 ? string.Join(", ", names) : string.Join(", ", names.Take(2)) + " and " + (names.Count - 2).ToString(CultureInfo.InvariantCulture) + " others";
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Steps whose configurations mean the same settings.</summary>
public sealed record StepGroup(string Fingerprint, ScoringSettings Settings, IReadOnlyList<PluginStep> Steps);
