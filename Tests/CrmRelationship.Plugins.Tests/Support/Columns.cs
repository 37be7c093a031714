using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace CrmRelationship.Plugins.Tests.Support;

/// <summary>
/// Converts between the Scoring library's choices and column values, and flattens column values
/// (a choice to its number, a lookup to its id, a multi-select to its numbers) so two rows compare
/// with one NUnit equality.
/// </summary>
internal static class Columns
{
    public static OptionSetValue? Option<TChoice>(TChoice? choice)
        where TChoice : struct, Enum =>
        choice is null ? null : new OptionSetValue(Convert.ToInt32(choice.Value, CultureInfo.InvariantCulture));

    public static OptionSetValue Option<TChoice>(TChoice choice)
        where TChoice : struct, Enum =>
        new(Convert.ToInt32(choice, CultureInfo.InvariantCulture));

    public static OptionSetValueCollection? Options<TChoice>(IEnumerable<TChoice> choices)
        where TChoice : struct, Enum
    {
        var list = choices.Select(c => new OptionSetValue(Convert.ToInt32(c, CultureInfo.InvariantCulture))).ToList();
        return list.Count == 0 ? null : new OptionSetValueCollection(list);
    }

    public static TChoice? Choice<TChoice>(Entity row, string column)
        where TChoice : struct, Enum =>
        row.GetAttributeValue<OptionSetValue>(column) is { } option ? (TChoice)Enum.ToObject(typeof(TChoice), option.Value) : null;

    public static IReadOnlyCollection<TChoice> Choices<TChoice>(Entity row, string column)
        where TChoice : struct, Enum =>
        row.GetAttributeValue<OptionSetValueCollection>(column) is { } options
            ? options.Select(o => (TChoice)Enum.ToObject(typeof(TChoice), o.Value)).ToList()
            : Array.Empty<TChoice>();

    public static DateTime? Date(Entity row, string column) =>
        row.Attributes.TryGetValue(column, out var value) && value is DateTime date ? date : null;

    public static int? WholeNumber(Entity row, string column) =>
        row.Attributes.TryGetValue(column, out var value) && value is int number ? number : null;

    /// <summary>The named columns of a row, flattened; an absent column is null.</summary>
    public static Dictionary<string, object?> Flat(Entity row, IEnumerable<string> columns) =>
        columns.ToDictionary(c => c, c => row.Attributes.TryGetValue(c, out var value) ? Flat(value) : null, StringComparer.Ordinal);

    public static object? Flat(object? value) => value switch
    {
        OptionSetValue option => option.Value,
        EntityReference reference => reference.Id,
        OptionSetValueCollection options => string.Join(",", options.Select(o => o.Value)),
        _ => value,
    };

    public static int? Flat<TChoice>(TChoice? choice)
        where TChoice : struct, Enum =>
        choice is null ? null : Convert.ToInt32(choice.Value, CultureInfo.InvariantCulture);
}
