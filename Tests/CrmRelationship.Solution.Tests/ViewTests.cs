using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using CrmRelationship.SolutionModel;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests;

/// <summary>
/// The views filter what their names promise. Risk and potential values come from the option labels
/// (relationship-model.md §2), overdue views compare with today through relative operators only, and the
/// action views sort by health because a view can only sort a choice column by its label (or its value),
/// never in urgency order.
/// </summary>
[TestFixture]
public sealed partial class ViewTests
{
    private const string Action = "rel_recommendedaction";
    private const string NextFeedbackDue = "rel_nextfeedbackdue";

    // relationship-model.md §2, most urgent first.
    private static readonly string[] Urgency =
    [
        "High risk, improve perception", "Moderate risk, improve perception", "Moderate risk, monitor perception",
        "High potential, leverage", "High potential, find a sponsor", "Med potential, develop relationship",
        "Med potential, activate", "Med potential, make a hero", "Low potential, make a hero",
        "Low potential, activate", "Low risk, move on",
    ];

    // FetchXML date operators that compare with the current date, never with a written date.
    private static readonly string[] RelativeDateOperators =
    [
        "today", "yesterday", "tomorrow", "last-seven-days", "next-seven-days", "last-week", "this-week",
        "next-week", "last-month", "this-month", "next-month", "last-year", "this-year", "next-year",
        "last-x-days", "next-x-days", "last-x-weeks", "next-x-weeks", "last-x-months", "next-x-months",
        "last-x-years", "next-x-years", "olderthan-x-days", "olderthan-x-weeks", "olderthan-x-months",
        "olderthan-x-years",
    ];

    [Test]
    public void HighRiskView_Filter_IsActiveContactsWithHighRiskImprovePerception()
    {
        var view = Fixture.Source.View("Contacts: High risk, improve perception");

        Assert.That(TopLevel(view), Is.SupersetOf(new[]
        {
            ("statecode", "eq", "0"),
            (Action, "eq", ValueOf("High risk, improve perception").ToString(System.Globalization.CultureInfo.InvariantCulture)),
        }));
    }

    [Test]
    public void HighRiskView_ActionValue_Is415700003()
    {
        var view = Fixture.Source.View("Contacts: High risk, improve perception");

        Assert.That(view.Conditions.Single(c => c.Attribute == Action).Values.Single(), Is.EqualTo("415700003"));
    }

    [TestCase("Contacts at risk", "Moderate risk", "High risk")]
    [TestCase("Accounts at risk", "Moderate risk", "High risk")]
    [TestCase("Contacts with potential", "Med potential", "High potential")]
    public void ActionGroupView_InFilter_HoldsExactlyTheActionsWhoseLabelsStartSo(string name, string prefix1, string prefix2)
    {
        var expected = Fixture.Source.OptionSet(Action).Options
            .Where(o => o.Label.StartsWith(prefix1, StringComparison.Ordinal) || o.Label.StartsWith(prefix2, StringComparison.Ordinal))
            .Select(o => o.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var condition = Fixture.Source.View(name).Conditions.Single(c => c.Attribute == Action);

        Assert.That((condition.Operator, condition.Depth, condition.Values), Is.EqualTo(("in", 1, expected.ToList())));
    }

    [Test]
    public void ByActionView_Filter_IsEveryAssessedContact()
    {
        var view = Fixture.Source.View("Contacts by recommended action");

        Assert.That(view.Conditions.Where(c => c.Attribute == Action).Select(c => (c.Operator, c.Depth)), Is.EqualTo(new[] { ("not-null", 1) }));
    }

    [TestCase("Contacts with feedback overdue")]
    [TestCase("Accounts with feedback overdue")]
    public void OverdueView_NextFeedbackDue_IsComparedOnlyThroughRelativeDateOperators(string name)
    {
        var conditions = Fixture.Source.View(name).Conditions.Where(c => c.Attribute == NextFeedbackDue).ToList();

        Assert.That(conditions.Select(c => c.Operator), Is.Not.Empty.And.SubsetOf(RelativeDateOperators));
    }

    [TestCase("Contacts with feedback overdue")]
    [TestCase("Accounts with feedback overdue")]
    public void OverdueView_Fetch_ContainsNoWrittenDate(string name)
    {
        var fetch = Fixture.Source.View(name).Fetch.ToString();

        Assert.That(WrittenDate().IsMatch(fetch), Is.False);
    }

    [TestCase("Contacts with feedback overdue")]
    [TestCase("Accounts with feedback overdue")]
    public void OverdueView_NextFeedbackDue_CoversTodayYesterdayAndEverythingOlder(string name)
    {
        // One "or" filter: today, yesterday, and older than one day. Whichever way the platform counts
        // "older than 1 day" (from midnight or from now), the three together are "on or before today".
        var conditions = Fixture.Source.View(name).Conditions.Where(c => c.Attribute == NextFeedbackDue).ToList();

        Assert.That(
            conditions.Select(c => (c.Operator, string.Join(",", c.Values), c.FilterType)),
            Is.EquivalentTo(new[] { ("today", "", "or"), ("yesterday", "", "or"), ("olderthan-x-days", "1", "or") }));
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.Views))]
    public void View_Filter_KeepsOnlyActiveRecords(ViewDefinition view)
    {
        Assert.That(TopLevel(view), Does.Contain(("statecode", "eq", "0")));
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.Views))]
    public void View_QueryType_IsAPublicView(ViewDefinition view)
    {
        Assert.That(view.QueryType, Is.Zero);
    }

    [TestCase("Contacts: High risk, improve perception")]
    [TestCase("Contacts at risk")]
    [TestCase("Contacts with potential")]
    [TestCase("Contacts by recommended action")]
    [TestCase("Accounts at risk")]
    public void ActionView_Sort_IsHealthLowestFirstThenNextFeedbackDue(string name)
    {
        var orders = Fixture.Source.View(name).Orders;

        Assert.That(orders, Is.EqualTo(new[] { new ViewOrder("rel_healthscore", false), new ViewOrder(NextFeedbackDue, false) }));
    }

    [TestCase("Contacts with feedback overdue")]
    [TestCase("Accounts with feedback overdue")]
    public void OverdueView_Sort_IsMostOverdueFirstThenHealth(string name)
    {
        var orders = Fixture.Source.View(name).Orders;

        Assert.That(orders, Is.EqualTo(new[] { new ViewOrder(NextFeedbackDue, false), new ViewOrder("rel_healthscore", false) }));
    }

    [Test]
    public void LevelView_Sort_GroupsByLevelThenHealth()
    {
        var orders = Fixture.Source.View("Accounts by relationship level").Orders;

        Assert.That(orders, Is.EqualTo(new[] { new ViewOrder("rel_relationshiplevel", false), new ViewOrder("rel_healthscore", false) }));
    }

    [Test]
    public void RecommendedAction_UrgencyOrder_IsNeitherValueOrderNorLabelOrder()
    {
        // Why the action views cannot sort by urgency: a view sorts a choice by label (or, with
        // useraworderby, by value), and neither order is the urgency order of relationship-model.md §2.
        var values = Urgency.Select(ValueOf).ToList();
        var valueOrder = values.SequenceEqual(values.Order()) || values.SequenceEqual(values.OrderDescending());
        var labelOrder = Urgency.SequenceEqual(Urgency.Order(StringComparer.Ordinal))
            || Urgency.SequenceEqual(Urgency.OrderDescending(StringComparer.Ordinal));

        Assert.That((valueOrder, labelOrder), Is.EqualTo((false, false)));
    }

    private static int ValueOf(string label) =>
        Fixture.Source.OptionSet(Action).Options.Single(o => o.Label == label).Value;

    private static IEnumerable<(string, string, string)> TopLevel(ViewDefinition view) =>
        view.Conditions.Where(c => c.Depth == 1 && c.FilterType == "and")
            .Select(c => (c.Attribute, c.Operator, string.Join(",", c.Values)));

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}")]
    private static partial Regex WrittenDate();
}
