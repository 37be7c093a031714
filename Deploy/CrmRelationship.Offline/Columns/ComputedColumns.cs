using System;
using CrmRelationship.Offline.Csv;
using CrmRelationship.Scoring;

namespace CrmRelationship.Offline.Columns;

/// <summary>A column the offline scorer computes: its logical name and how its value is written.</summary>
/// <typeparam name="TScore">The score it is read from.</typeparam>
/// <param name="Name">The logical name, as in the header row.</param>
/// <param name="Write">Writes the value for one score.</param>
/// <param name="OnlyInPlace">Recomputed where the input has it, never added: a column the output does not
/// carry, but which a re-export of a scored book may, and which must not be left stale there.</param>
internal sealed record ComputedColumn<TScore>(string Name, Action<CsvWriter, TScore> Write, bool OnlyInPlace = false);

/// <summary>
/// Every computed column the offline scorer can know, in the order appended to the output, written in
/// the input's formats: labels, yyyy-MM-dd, whole numbers, empty when null. Not written offline:
/// previous level and level changed on (there is no stored level) and scored on. Action urgency, the
/// views' sort key that the schema page does not name, is recomputed only when the input has it.
/// </summary>
internal static class ComputedColumns
{
    public static readonly ComputedColumn<ContactScore>[] Contact =
    {
        new(LogicalNames.Computed.RecommendedAction, (w, s) => w.Write(s.RecommendedAction is { } v ? Labels.Of(v) : null)),
        new(LogicalNames.Computed.RelationshipLevel, (w, s) => w.Write(s.RelationshipLevel is { } v ? Labels.Of(v) : null)),
        new(LogicalNames.Computed.Direction, (w, s) => w.Write(Labels.Of(s.Direction))),
        new(LogicalNames.Computed.ExpectationGap, (w, s) => w.Write(s.ExpectationGap)),
        new(LogicalNames.Computed.ExpectationGapScore, (w, s) => w.Write(s.ExpectationGapScore)),
        new(LogicalNames.Computed.ExpectationAlignment, (w, s) => w.Write(s.ExpectationAlignment is { } v ? Labels.Of(v) : null)),
        new(LogicalNames.Computed.NextFeedbackDue, (w, s) => w.WriteDate(s.NextFeedbackDue)),
        new(LogicalNames.Computed.HealthScore, (w, s) => w.Write(s.HealthScore)),
        new(LogicalNames.Computed.ScoreExplanation, (w, s) => w.WriteExplanation(s)),
        new(LogicalNames.Computed.ActionUrgency, (w, s) => w.Write(RelationshipMatrix.Urgency(s.RecommendedAction)), OnlyInPlace: true),
    };

    public static readonly ComputedColumn<AccountScore>[] Account =
    {
        new(LogicalNames.Computed.RecommendedAction, (w, s) => w.Write(s.RecommendedAction is { } v ? Labels.Of(v) : null)),
        new(LogicalNames.Computed.RelationshipLevel, (w, s) => w.Write(s.RelationshipLevel is { } v ? Labels.Of(v) : null)),
        new(LogicalNames.Computed.ExpectationGap, (w, s) => w.Write(s.ExpectationGap)),
        new(LogicalNames.Computed.ExpectationGapScore, (w, s) => w.Write(s.ExpectationGapScore)),
        new(LogicalNames.Computed.ExpectationAlignment, (w, s) => w.Write(s.ExpectationAlignment is { } v ? Labels.Of(v) : null)),
        new(LogicalNames.Computed.NextFeedbackDue, (w, s) => w.WriteDate(s.NextFeedbackDue)),
        new(LogicalNames.Computed.HealthScore, (w, s) => w.Write(s.HealthScore)),
        new(LogicalNames.Computed.ScoreExplanation, (w, s) => w.Write(s.Explanation)),
        new(LogicalNames.Computed.AssessedContacts, (w, s) => w.Write(s.AssessedContacts)),
        new(LogicalNames.Computed.RiskContacts, (w, s) => w.Write(s.RiskContacts)),
        new(LogicalNames.Computed.PotentialContacts, (w, s) => w.Write(s.PotentialContacts)),
        new(LogicalNames.Computed.HighPowerCoverage, (w, s) => w.Write(s.HighPowerCoverage)),
        new(LogicalNames.Computed.KeyContactId, (w, s) => w.Write(s.KeyContactId)),
        new(LogicalNames.Computed.ActionUrgency, (w, s) => w.Write(RelationshipMatrix.Urgency(s.RecommendedAction)), OnlyInPlace: true),
    };

}
