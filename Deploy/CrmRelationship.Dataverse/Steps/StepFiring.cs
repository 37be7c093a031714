using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmRelationship.Dataverse.Steps;

/// <summary>
/// Which of the product's steps an update of some columns would run: an enabled Update or UpdateMultiple step on
/// the table whose filtering attributes are empty (every update) or name one of the columns. As registered in
/// Solution/src, the computed columns fire none (the steps filter on the inputs), so recalc's writes run no step
/// of ours; an administrator's change to a step can alter that, which recalc checks before writing.
/// </summary>
public static class StepFiring
{
    private static readonly string[] UpdateMessages = { "Update", "UpdateMultiple" };

    public static IReadOnlyList<FiredStep> FiredBy(IEnumerable<PluginStep> steps, string table, IReadOnlyCollection<string> columns)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(columns);
        var fired = new List<FiredStep>();
        foreach (var step in steps)
        {
            if (!step.Enabled || !string.Equals(step.PrimaryEntity, table, StringComparison.OrdinalIgnoreCase)
                || !UpdateMessages.Contains(step.Message, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            if (step.FilteringAttributes.Count == 0)
            {
                fired.Add(new FiredStep(step, Array.Empty<string>()));
                continue;
            }

            var hit = step.FilteringAttributes.Where(a => columns.Contains(a, StringComparer.OrdinalIgnoreCase)).ToArray();
            if (hit.Length > 0)
            {
                fired.Add(new FiredStep(step, hit));
            }
        }

        return fired;
    }
}

/// <summary>A step an update would run, and the written columns among its filtering attributes (none: it has no filter).</summary>
public sealed record FiredStep(PluginStep Step, IReadOnlyList<string> Columns)
{
    public string Reason => Columns.Count == 0
        ? "it has no filtering attributes, so every update runs it"
        : "its filtering attributes include " + string.Join(", ", Columns);
}
