using System;
using System.Collections.Generic;
using CrmRelationship.Scoring;
using Microsoft.Xrm.Sdk;

namespace CrmRelationship.Plugins;

/// <summary>
/// Reads the product's columns from a Target merged over an image, where a key absent from the
/// Target means "unchanged" and a key present with null means "cleared". An option value outside
/// its choice in the Target (what the caller is saving) is refused with the column and the value
/// named. One already stored (an image, another record read by the rollup — for example an option an
/// administrator added to the global choice) is read as not assessed, so a value the user is not
/// saving can never block their save. A customer view's capture date in the future is treated alike:
/// refused in the Target, passed on when stored, for scoring to read as not captured.
/// </summary>
internal readonly struct ColumnValues
{
    private readonly Entity? target;
    private readonly Entity? image;

    public ColumnValues(Entity? target, Entity? image)
    {
        this.target = target;
        this.image = image;
    }

    public object? Raw(string column)
    {
        if (target is not null && target.Attributes.TryGetValue(column, out var value))
        {
            return value;
        }

        return image is not null && image.Attributes.TryGetValue(column, out var stored) ? stored : null;
    }

    public TChoice? Choice<TChoice>(string column)
        where TChoice : struct, Enum
    {
        if (Raw(column) is not OptionSetValue option)
        {
            return null;
        }

        if (Labels.TryFromValue<TChoice>(option.Value, out var choice))
        {
            return choice;
        }

        RefuseIfSaving(column, option.Value);
        return null;
    }

    public IReadOnlyCollection<TChoice> Choices<TChoice>(string column)
        where TChoice : struct, Enum
    {
        if (Raw(column) is not OptionSetValueCollection options || options.Count == 0)
        {
            return Array.Empty<TChoice>();
        }

        var result = new List<TChoice>(options.Count);
        for (var i = 0; i < options.Count; i++)
        {
            if (Labels.TryFromValue<TChoice>(options[i].Value, out var choice))
            {
                result.Add(choice);
            }
            else
            {
                RefuseIfSaving(column, options[i].Value);
            }
        }

        return result;
    }

    public DateTime? Date(string column) => Raw(column) is DateTime value ? value : null;

    /// <summary>
    /// A customer view's capture date (relationship-model.md §4). One in the Target later than the day after
    /// <paramref name="now"/> is refused naming the input by <paramref name="label"/>; a stored one is returned as it is.
    /// </summary>
    public DateTime? CaptureDate(string column, string label, DateTime now)
    {
        var date = Date(column);
        if (target is not null && target.Attributes.ContainsKey(column) && CaptureDates.Problem(label, date, now) is { } problem)
        {
            throw new InvalidPluginExecutionException(problem + ".");
        }

        return date;
    }

    public int? WholeNumber(string column) => Raw(column) is int value ? value : null;

    public decimal? DecimalNumber(string column) => Raw(column) is decimal value ? value : null;

    public string? Text(string column) => Raw(column) as string;

    private void RefuseIfSaving(string column, int value)
    {
        if (target is not null && target.Attributes.ContainsKey(column))
        {
            throw new InvalidPluginExecutionException(
                "The value " + value + " is not an option of the column " + column + ": choose one of the column's options and save again.");
        }
    }
}
