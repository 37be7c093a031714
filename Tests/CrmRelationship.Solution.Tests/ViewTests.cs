using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using CrmRelationship.Scoring;
using CrmRelationship.SolutionModel;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests;

/// <summary>
/// The views filter what their names promise. Risk and potential actions are the tiers of the Scoring library's
/// ActionRanks (checked against relationship-model.md §2 by the Scoring tests), overdue views compare with today
/// through relative operators only, and the
/// views of several actions sort most urgent first through the rel_actionurgency column, because a view
/// can only sort a choice column by its label (or its value), never in urgency order.
/// </summary>
[TestFixture]
public sealed partial class ViewTests
{
    private const string Action = "rel_recommendedaction";
    private const string NextFeedbackDue = "rel_nextfeedbackdue";
    private const string ActionUrgency = "rel_actionurgency";

    // dataverse-schema.md, rel_relationshiplevel: the ladder from rung 1 to rung 5.
    private static readonly string[] Ladder = ["Transactional", "Service", "Partner", "Advisor", "Inner Circle"];

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
    public void HighRiskView_ActionValue_IsTheOptionValueOfHighRiskImprovePerception()
    {
        var view = Fixture.Source.View("Contacts: High risk, improve perception");

        Assert.That(
            view.Conditions.Single(c => c.Attribute == Action).Values.Single(),
            Is.EqualTo(((int)RecommendedAction.HighRiskImprovePerception).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [TestCase("Contacts at risk", ActionTier.Risk)]
    [TestCase("Accounts at risk", ActionTier.Risk)]
    [TestCase("Contacts with potential", ActionTier.Potential)]
    public void ActionGroupView_InFilter_HoldsExactlyTheActionsOfItsTier(string name, ActionTier tier)
    {
        var expected = Fixture.Source.OptionSet(Action).Options
            .Where(o => RelationshipMatrix.Tier((RecommendedAction)o.Value) == tier)
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

    [Test]
    public void GoingColdView_Filter_IsAssessedContactsLastTouchedOver90DaysAgoOrNever()
    {
        // relationship-model.md §9: going cold is never stored, so the view compares with today itself.
        var view = Fixture.Source.View("Contacts going cold");
        var lastTouchpoint = view.Conditions.Where(c => c.Attribute == ContactFields.LastTouchpoint)
            .Select(c => (c.Operator, string.Join(",", c.Values), c.FilterType, c.Depth));

        Assert.That(
            (TopLevel(view).Contains((Action, "not-null", "")), lastTouchpoint.ToList(), WrittenDate().IsMatch(view.Fetch.ToString())),
            Is.EqualTo((true, new[] { ("olderthan-x-days", "90", "or", 2), ("null", "", "or", 2) }.ToList(), false)));
    }

    [TestCase("Contacts going cold", ContactFields.LastTouchpoint)]
    [TestCase("Contacts not yet noticed", ContactFields.Touchpoints)]
    public void EngagementView_Sort_HighPowerFirstByValue(string name, string then)
    {
        var view = Fixture.Source.View(name);
        var high = Fixture.Source.OptionSet("rel_organizationalpower").Options.Single(o => o.Label == "High").Value;
        var low = Fixture.Source.OptionSet("rel_organizationalpower").Options.Single(o => o.Label == "Low").Value;

        Assert.That(
            (view.Orders, (string?)view.Fetch.Attribute("useraworderby"), high > low),
            Is.EqualTo((new[] { new ViewOrder(ContactFields.OrganizationalPower, true), new ViewOrder(then, false) }, "true", true)));
    }

    [Test]
    public void NotYetNoticedView_Filter_IsTheNotYetNoticedOptionValue()
    {
        var view = Fixture.Source.View("Contacts not yet noticed");

        Assert.That(TopLevel(view), Does.Contain((ContactFields.Engagement, "eq", ((int)Engagement.NotYetNoticed).ToString(System.Globalization.CultureInfo.InvariantCulture))));
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

    [TestCase("Contacts at risk")]
    [TestCase("Contacts with potential")]
    [TestCase("Contacts by recommended action")]
    [TestCase("Accounts at risk")]
    public void ActionsView_Sort_IsMostUrgentActionFirstThenLowestHealthThenNextFeedbackDue(string name)
    {
        var orders = Fixture.Source.View(name).Orders;

        Assert.That(
            orders,
            Is.EqualTo(new[] { new ViewOrder(ActionUrgency, false), new ViewOrder("rel_healthscore", false), new ViewOrder(NextFeedbackDue, false) }));
    }

    [TestCase("Contacts at risk")]
    [TestCase("Contacts with potential")]
    [TestCase("Contacts by recommended action")]
    [TestCase("Accounts at risk")]
    public void ActionsView_Columns_ShowTheUrgencyRightAfterTheAction(string name)
    {
        var cells = Fixture.Source.View(name).LayoutColumns.ToList();

        Assert.That(cells.IndexOf(ActionUrgency), Is.EqualTo(cells.IndexOf(Action) + 1).And.GreaterThan(0));
    }

    [Test]
    public void ViewsOfContactsOrShowingTheAction_Columns_ShowTheNextStepBesideTheAction()
    {
        // relationship-model.md §10: in every contact view and every view that shows the action (accounts too), beside
        // the action, or beside its urgency where that follows the action; a contact view of one action shows the next
        // step after the contact's account.
        var wrong = Fixture.Source.Views.Where(v => v.EntityLogicalName == LogicalNames.Contact || v.LayoutColumns.Contains(Action))
            .Where(v =>
            {
                var cells = v.LayoutColumns.ToList();
                var before = cells.Contains(ActionUrgency) ? ActionUrgency : cells.Contains(Action) ? Action : LogicalNames.Standard.ParentCustomerId;
                return cells.IndexOf(LogicalNames.Computed.NextStep) != cells.IndexOf(before) + 1 || !v.FetchAttributes.Contains(LogicalNames.Computed.NextStep);
            })
            .Select(v => v.Name);

        Assert.That(wrong, Is.Empty);
    }

    [Test]
    public void KeyContactChangedView_Filter_IsActiveAccountsChangedInTheLast30DaysByARelativeDate()
    {
        var view = Fixture.Source.View("Accounts whose key contact changed in the last 30 days");

        Assert.That(
            view.Conditions.Select(c => (c.Attribute, c.Operator, string.Join(",", c.Values), c.Depth)),
            Is.EquivalentTo(new[]
            {
                (LogicalNames.Standard.StateCode, "eq", "0", 1),
                (LogicalNames.Computed.KeyContactChangedOn, "last-x-days", "30", 1),
            }));
        Assert.That(view.Orders, Is.EqualTo(new[] { new ViewOrder(LogicalNames.Computed.KeyContactChangedOn, true) }));
        Assert.That(view.LayoutColumns, Is.SupersetOf(new[] { LogicalNames.Computed.PreviousKeyContactId, LogicalNames.Computed.KeyContactId }));
    }

    [Test]
    public void SingleActionView_Sort_IsHealthLowestFirstThenNextFeedbackDue()
    {
        var orders = Fixture.Source.View("Contacts: High risk, improve perception").Orders;

        Assert.That(orders, Is.EqualTo(new[] { new ViewOrder("rel_healthscore", false), new ViewOrder(NextFeedbackDue, false) }));
    }

    [Test]
    public void ActionUrgency_Rank_IsThePositionOfTheActionInTheModelsUrgencyOrder()
    {
        // What the plug-ins write to rel_actionurgency for each option value, against the model page's order.
        var ranks = Urgency.Select(label => RelationshipMatrix.Urgency((RecommendedAction)ValueOf(label)));

        Assert.That(ranks, Is.EqualTo(Enumerable.Range(1, Urgency.Length)));
    }

    [TestCase("Contacts with feedback overdue")]
    [TestCase("Accounts with feedback overdue")]
    public void OverdueView_Sort_IsMostOverdueFirstThenHealth(string name)
    {
        var orders = Fixture.Source.View(name).Orders;

        Assert.That(orders, Is.EqualTo(new[] { new ViewOrder(NextFeedbackDue, false), new ViewOrder("rel_healthscore", false) }));
    }

    [Test]
    public void LevelView_Sort_GoesUpTheLadderByValueThenLowestHealth()
    {
        var view = Fixture.Source.View("Accounts by relationship level");

        Assert.That(
            (view.Orders, (string?)view.Fetch.Attribute("useraworderby")),
            Is.EqualTo((new[] { new ViewOrder("rel_relationshiplevel", false), new ViewOrder("rel_healthscore", false) }, "true")));
    }

    [Test]
    public void RelationshipLevel_ValueOrder_IsTheLadderButLabelOrderIsNot()
    {
        // Why the level view sorts by value (useraworderby): the values run up the ladder, the labels do not.
        var options = Fixture.Source.OptionSet("rel_relationshiplevel").Options;
        var byValue = options.OrderBy(o => o.Value).Select(o => o.Label);
        var byLabel = options.Select(o => o.Label).Order(StringComparer.Ordinal);

        Assert.That((byValue, byLabel.SequenceEqual(Ladder)), Is.EqualTo((Ladder, false)));
    }

    [TestCaseSource(typeof(Cases), nameof(Cases.Views))]
    public void View_SortOnAChoice_UsesItsValueNeverItsLocalizedLabel(ViewDefinition view)
    {
        var choices = Fixture.Source.Entity(view.EntityLogicalName).Columns
            .Where(c => c.AttributeType == "picklist").Select(c => c.LogicalName).ToHashSet(StringComparer.Ordinal);
        var sortsAChoice = view.Orders.Any(o => choices.Contains(o.Attribute));

        Assert.That(sortsAChoice ? (string?)view.Fetch.Attribute("useraworderby") : "true", Is.EqualTo("true"));
    }

    [Test]
    public void RecommendedAction_UrgencyOrder_IsNeitherValueOrderNorLabelOrder()
    {
        // Why the views need the rel_actionurgency sort key: a view sorts a choice by label (or, with
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
