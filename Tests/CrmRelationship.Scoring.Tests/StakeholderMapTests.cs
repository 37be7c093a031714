using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using NUnit.Framework;
using P = CrmRelationship.Scoring.OrganizationalPower;
using Pe = CrmRelationship.Scoring.Perception;

namespace CrmRelationship.Scoring.Tests;

/// <summary>
/// The stakeholder map's one table of quadrants (<see cref="MapQuadrants"/>) and chip colours (<see cref="ActionColours"/>),
/// which the offline report and the account form's map both draw from: the names sellers use, the grid's order, every
/// action coloured once in urgency order, and chip text that is readable on its fill.
/// </summary>
[TestFixture]
public sealed partial class StakeholderMapTests
{
    /// <summary>WCAG 2's minimum contrast for normal-size text (the chip labels are 11–12 px).</summary>
    private const double MinimumTextContrast = 4.5;

    // The account form's map as the README describes it to sellers (docs/relationship-model.md has no map section).
    [TestCase(P.High, Pe.Advocate, "Champions")]
    [TestCase(P.High, Pe.Detractor, "Blockers")]
    [TestCase(P.Low, Pe.Advocate, "Supporters")]
    [TestCase(P.Low, Pe.Detractor, "Critics")]
    public void Quadrant_OfPowerAndPerception_HasTheNameSellersUse(P power, Pe perception, string name)
    {
        Assert.That(MapQuadrants.All[MapQuadrants.IndexOf(power, perception)].Name, Is.EqualTo(name));
    }

    [Test]
    public void Quadrants_InReadingOrder_HighPowerOnTopDetractorsOnTheLeft()
    {
        Assert.That(
            MapQuadrants.All.Select(q => (q.Power, q.Perception)),
            Is.EqualTo(new[] { (P.High, Pe.Detractor), (P.High, Pe.Advocate), (P.Low, Pe.Detractor), (P.Low, Pe.Advocate) }));
    }

    [Test]
    public void QuadrantSubtitles_EachStartWithTheirPowerAndPerception()
    {
        var wrong = MapQuadrants.All
            .Where(q => !q.Subtitle.StartsWith(Labels.Of(q.Power) + " power, " + Labels.Of(q.Perception).ToLowerInvariant() + ":", StringComparison.Ordinal))
            .Select(q => q.Name + ": " + q.Subtitle);

        Assert.That(wrong, Is.Empty);
    }

    [Test]
    public void ActionColours_ListEveryActionOnceMostUrgentFirst()
    {
        Assert.That(ActionColours.All.SelectMany(c => c.Actions), Is.EqualTo(RelationshipMatrix.ByUrgency));
    }

    [Test]
    public void ActionColours_EachHoldActionsOfOneTier()
    {
        var mixed = ActionColours.All.Where(c => c.Actions.Select(RelationshipMatrix.Tier).Distinct().Count() != 1).Select(c => c.Key);

        Assert.That(mixed, Is.Empty);
    }

    [Test]
    public void Of_EachAction_IsTheColourThatListsIt()
    {
        var wrong = Enum.GetValues<RecommendedAction>().Where(a => !ActionColours.Of(a).Actions.Contains(a)).Select(a => Labels.Of(a));

        Assert.That((wrong, ActionColours.Of(null)), Is.EqualTo((Enumerable.Empty<string>(), ActionColours.NoAction)));
    }

    [Test]
    public void ChipColours_AreRrggbbAndTheirTextContrastsAtLeast4Point5To1WithTheFill()
    {
        var unreadable = Colours()
            .Select(c => (c.Key, c.Background, c.Foreground, Ratio: HexColour().IsMatch(c.Background) && HexColour().IsMatch(c.Foreground) ? Contrast(c.Foreground, c.Background) : 0))
            .Where(c => c.Ratio < MinimumTextContrast)
            .Select(c => $"{c.Key}: {c.Foreground} on {c.Background} is {c.Ratio.ToString("0.00", CultureInfo.InvariantCulture)}:1");

        Assert.That(unreadable, Is.Empty);
    }

    [Test]
    public void ChipColours_EachHaveTheirOwnFillAndAKeyOfLowerCaseWordsJoinedByHyphens()
    {
        Assert.That(
            (Colours().GroupBy(c => c.Background).Where(g => g.Count() > 1).Select(g => g.Key),
                Colours().Where(c => !KebabKey().IsMatch(c.Key)).Select(c => c.Key),
                Colours().Select(c => c.Key).Distinct().Count()),
            Is.EqualTo((Enumerable.Empty<string>(), Enumerable.Empty<string>(), Colours().Count)));
    }

    [TestCase("#ffffff", "#000000", 21.0)]
    [TestCase("#777777", "#ffffff", 4.48)]
    [TestCase("#a4262c", "#ffffff", 7.26)]
    public void Contrast_OfTwoColours_IsTheWcagRatio(string a, string b, double expected)
    {
        Assert.That(Contrast(a, b), Is.EqualTo(expected).Within(0.005));
    }

    private static List<ActionColour> Colours() => ActionColours.All.Append(ActionColours.NoAction).ToList();

    /// <summary>WCAG 2 contrast ratio: (lighter relative luminance + 0.05) / (darker + 0.05).</summary>
    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int offset)
        {
            var c = int.Parse(hex.AsSpan(offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5));
    }

    [GeneratedRegex("^#[0-9a-f]{6}$")]
    private static partial Regex HexColour();

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex KebabKey();
}
