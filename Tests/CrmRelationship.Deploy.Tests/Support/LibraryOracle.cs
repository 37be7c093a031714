using System;
using System.Collections.Generic;
using System.Globalization;
using CrmRelationship.Scoring;

namespace CrmRelationship.Deploy.Tests.Support;

/// <summary>
/// What the Scoring library itself says about a CSV row, computed without crmrel's readers: the
/// expected text of every computed column, in the output's formats.
/// </summary>
internal static class LibraryOracle
{
    public static ContactInputs InputsOf(IReadOnlyDictionary<string, string> row) => new()
    {
        Relationship = Choice<RelationshipStatus>(row["rel_relationship"]),
        OrganizationalPower = Choice<OrganizationalPower>(row["rel_organizationalpower"]),
        Perception = Choice<Perception>(row["rel_perception"]),
        ActivityLevel = Choice<ActivityLevel>(row["rel_activitylevel"]),
        ObservedBehaviours = Many<RelationshipBehaviour>(row["rel_observedbehaviours"]),
        RiskBehaviours = Many<RiskBehaviour>(row["rel_riskbehaviours"]),
        CustomerViewLevel = Choice<RelationshipLevel>(row["rel_customerviewlevel"]),
        CustomerViewDate = Date(row["rel_customerviewdate"]),
        FeedbackCadence = Choice<FeedbackCadence>(row["rel_feedbackcadence"]),
        Touchpoints = row.TryGetValue("rel_touchpoints", out var count) && count.Length > 0 ? decimal.Parse(count, CultureInfo.InvariantCulture) : null,
        LastTouchpoint = row.TryGetValue("rel_lasttouchpoint", out var last) ? Date(last) : null,
    };

    public static AccountInputs AccountInputsOf(IReadOnlyDictionary<string, string> row) => new()
    {
        CustomerViewLevel = Choice<RelationshipLevel>(row["rel_customerviewlevel"]),
        CustomerViewDate = Date(row["rel_customerviewdate"]),
        FeedbackCadence = Choice<FeedbackCadence>(row["rel_feedbackcadence"]),
    };

    public static DateTime? CreatedOn(IReadOnlyDictionary<string, string> row) =>
        row.TryGetValue("createdon", out var text) && text.Length > 0
            ? DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
            : null;

    public static bool IsActive(IReadOnlyDictionary<string, string> row) =>
        !row.TryGetValue("statecode", out var state) || state != "Inactive";

    public static Dictionary<string, string> Expected(ContactScore score) => new()
    {
        ["rel_recommendedaction"] = score.RecommendedAction is { } a ? Labels.Of(a) : string.Empty,
        ["rel_relationshiplevel"] = score.RelationshipLevel is { } l ? Labels.Of(l) : string.Empty,
        ["rel_direction"] = Labels.Of(score.Direction),
        ["rel_expectationgap"] = Number(score.ExpectationGap),
        ["rel_expectationgapscore"] = Number(score.ExpectationGapScore),
        ["rel_expectationalignment"] = score.ExpectationAlignment is { } e ? Labels.Of(e) : string.Empty,
        ["rel_nextfeedbackdue"] = DateText(score.NextFeedbackDue),
        ["rel_healthscore"] = Number(score.HealthScore),
        ["rel_scoreexplanation"] = score.Explanation,
    };

    public static Dictionary<string, string> Expected(AccountScore score) => new()
    {
        ["rel_recommendedaction"] = score.RecommendedAction is { } a ? Labels.Of(a) : string.Empty,
        ["rel_relationshiplevel"] = score.RelationshipLevel is { } l ? Labels.Of(l) : string.Empty,
        ["rel_expectationgap"] = Number(score.ExpectationGap),
        ["rel_expectationgapscore"] = Number(score.ExpectationGapScore),
        ["rel_expectationalignment"] = score.ExpectationAlignment is { } e ? Labels.Of(e) : string.Empty,
        ["rel_nextfeedbackdue"] = DateText(score.NextFeedbackDue),
        ["rel_healthscore"] = Number(score.HealthScore),
        ["rel_scoreexplanation"] = score.Explanation,
        ["rel_assessedcontacts"] = Number(score.AssessedContacts),
        ["rel_riskcontacts"] = Number(score.RiskContacts),
        ["rel_potentialcontacts"] = Number(score.PotentialContacts),
        ["rel_highpowercoverage"] = Number(score.HighPowerCoverage),
        ["rel_keycontactid"] = score.KeyContactId ?? string.Empty,
    };

    /// <summary>The matrix row (0–15) of a row whose four matrix inputs are all set, else null.</summary>
    public static int? MatrixRow(ContactInputs inputs) =>
        inputs.Relationship is { } r && inputs.OrganizationalPower is { } p && inputs.Perception is { } c && inputs.ActivityLevel is { } a
            ? RelationshipMatrix.RowIndex(r, p, c, a)
            : null;

    private static TChoice? Choice<TChoice>(string text)
        where TChoice : struct, Enum
    {
        if (text.Trim().Length == 0)
        {
            return null;
        }

        if (!Labels.TryParse(text, out TChoice value))
        {
            throw new FormatException("Not a label: " + text);
        }

        return value;
    }

    private static TChoice[] Many<TChoice>(string text)
        where TChoice : struct, Enum
    {
        var values = new List<TChoice>();
        foreach (var item in text.Split(';'))
        {
            if (item.Trim().Length > 0)
            {
                values.Add(Choice<TChoice>(item)!.Value);
            }
        }

        return values.ToArray();
    }

    private static DateTime? Date(string text) =>
        text.Length == 0 ? null : DateTime.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private static string DateText(DateTime? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}
