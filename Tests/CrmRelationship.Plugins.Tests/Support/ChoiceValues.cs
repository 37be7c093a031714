using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CrmRelationship.Plugins.Tests.Support;

/// <summary>
/// Option values as the tests write them, always taken from the Scoring enums so that no value is typed
/// by hand: as a number, as the comma-separated text the preview Custom API's list parameters carry, by
/// position in a choice, and just past a choice (a value the product does not know, as an option an
/// administrator added to the global choice would be).
/// </summary>
internal static class ChoiceValues
{
    public static int Of<TChoice>(TChoice choice)
        where TChoice : struct, Enum =>
        Convert.ToInt32(choice, CultureInfo.InvariantCulture);

    public static string Text<TChoice>(TChoice choice)
        where TChoice : struct, Enum =>
        Of(choice).ToString(CultureInfo.InvariantCulture);

    /// <summary>The values joined by <paramref name="separator"/>, e.g. two behaviours as "first value,second value".</summary>
    public static string List<TChoice>(string separator, params TChoice[] choices)
        where TChoice : struct, Enum =>
        string.Join(separator, choices.Select(Text));

    /// <summary>The values joined by commas, as the contact form sends a multi-select to the preview.</summary>
    public static string List<TChoice>(params TChoice[] choices)
        where TChoice : struct, Enum =>
        List(",", choices);

    /// <summary>Every option of the choice, lowest value first.</summary>
    public static IReadOnlyList<TChoice> InOrder<TChoice>()
        where TChoice : struct, Enum =>
        Enum.GetValues<TChoice>().OrderBy(Of).ToList();

    /// <summary>The option at <paramref name="index"/> in value order.</summary>
    public static TChoice At<TChoice>(int index)
        where TChoice : struct, Enum =>
        InOrder<TChoice>()[index];

    /// <summary>A value that is none of the choice's options: its highest value plus one.</summary>
    public static int After<TChoice>()
        where TChoice : struct, Enum =>
        InOrder<TChoice>().Max(Of) + 1;
}
