using System;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Scoring;

/// <summary>
/// Receives one computed column's value in the column's own type, so that the plug-ins (SDK values on
/// a record) and the offline scorer (CSV text) write the same table of columns each in their own way.
/// The caller knows which column it is: the one whose <see cref="ScoreColumn{TScore}.Write"/> it called.
/// </summary>
public interface IScoreValueSink
{
    /// <summary>A choice: its option value and label, or both null when empty.</summary>
    void Choice(int? optionValue, string? label);

    void WholeNumber(int? value);

    /// <summary>A date-only value (midnight), or null.</summary>
    void DateOnly(DateTime? value);

    /// <summary>The explanation, which a sink may stream from the score instead of building a string.</summary>
    void Explanation(IExplainedScore score);

    /// <summary>A lookup to a contact, by the contact's id, or null.</summary>
    void ContactReference(string? contactId);
}

/// <summary>A score that carries a plain-language explanation (relationship-model.md §6).</summary>
public interface IExplainedScore
{
    string Explanation { get; }

    /// <summary>Writes the explanation piece by piece, without building it as a string.</summary>
    void WriteExplanation(IExplanationSink sink);
}

/// <summary>One computed column of a table and how its value comes from a score.</summary>
/// <typeparam name="TScore">The score the value is read from.</typeparam>
public sealed class ScoreColumn<TScore>
{
    private readonly Action<TScore, IScoreValueSink> write;

    internal ScoreColumn(string name, Action<TScore, IScoreValueSink> write)
    {
        Name = name;
        this.write = write;
    }

    /// <summary>The column's logical name.</summary>
    public string Name { get; }

    /// <summary>Hands the column's value for <paramref name="score"/> to <paramref name="sink"/>.</summary>
    public void Write(TScore score, IScoreValueSink sink) => write(score, sink);

    public override string ToString() => Name;
}

/// <summary>
/// The score-to-column table of each scored table: every computed column a score sets, in the order the
/// offline scorer appends them. Not here: rel_scoredon, which is the time of the write, not part of a score.
/// </summary>
public static class ScoreColumns
{
    public static readonly ScoreColumn<ContactScore>[] Contact =
    {
        new(Names.Computed.RecommendedAction, (s, sink) => Choice(sink, s.RecommendedAction)),
        new(Names.Computed.RelationshipLevel, (s, sink) => Choice(sink, s.RelationshipLevel)),
        new(Names.Computed.PreviousLevel, (s, sink) => Choice(sink, s.PreviousLevel)),
        new(Names.Computed.LevelChangedOn, (s, sink) => sink.DateOnly(s.LevelChangedOn)),
        new(Names.Computed.Direction, (s, sink) => sink.Choice((int)s.Direction, Labels.Of(s.Direction))),
        new(Names.Computed.ExpectationGap, (s, sink) => sink.WholeNumber(s.ExpectationGap)),
        new(Names.Computed.ExpectationGapScore, (s, sink) => sink.WholeNumber(s.ExpectationGapScore)),
        new(Names.Computed.ExpectationAlignment, (s, sink) => Choice(sink, s.ExpectationAlignment)),
        new(Names.Computed.NextFeedbackDue, (s, sink) => sink.DateOnly(s.NextFeedbackDue)),
        new(Names.Computed.HealthScore, (s, sink) => sink.WholeNumber(s.HealthScore)),
        new(Names.Computed.ScoreExplanation, (s, sink) => sink.Explanation(s)),
        new(Names.Computed.ActionUrgency, (s, sink) => sink.WholeNumber(RelationshipMatrix.Urgency(s.RecommendedAction))),
    };

    public static readonly ScoreColumn<AccountScore>[] Account =
    {
        new(Names.Computed.RecommendedAction, (s, sink) => Choice(sink, s.RecommendedAction)),
        new(Names.Computed.RelationshipLevel, (s, sink) => Choice(sink, s.RelationshipLevel)),
        new(Names.Computed.ExpectationGap, (s, sink) => sink.WholeNumber(s.ExpectationGap)),
        new(Names.Computed.ExpectationGapScore, (s, sink) => sink.WholeNumber(s.ExpectationGapScore)),
        new(Names.Computed.ExpectationAlignment, (s, sink) => Choice(sink, s.ExpectationAlignment)),
        new(Names.Computed.NextFeedbackDue, (s, sink) => sink.DateOnly(s.NextFeedbackDue)),
        new(Names.Computed.HealthScore, (s, sink) => sink.WholeNumber(s.HealthScore)),
        new(Names.Computed.ScoreExplanation, (s, sink) => sink.Explanation(s)),
        new(Names.Computed.AssessedContacts, (s, sink) => sink.WholeNumber(s.AssessedContacts)),
        new(Names.Computed.RiskContacts, (s, sink) => sink.WholeNumber(s.RiskContacts)),
        new(Names.Computed.PotentialContacts, (s, sink) => sink.WholeNumber(s.PotentialContacts)),
        new(Names.Computed.HighPowerCoverage, (s, sink) => sink.WholeNumber(s.HighPowerCoverage)),
        new(Names.Computed.KeyContactId, (s, sink) => sink.ContactReference(s.KeyContactId)),
        new(Names.Computed.ActionUrgency, (s, sink) => sink.WholeNumber(RelationshipMatrix.Urgency(s.RecommendedAction))),
        new(Names.Touchpoints.AccountLastTouchpoint, (s, sink) => sink.DateOnly(s.LastTouchpoint)),
        new(Names.Touchpoints.NoticedContacts, (s, sink) => sink.WholeNumber(s.NoticedContacts)),
    };

    private static void Choice(IScoreValueSink sink, RecommendedAction? value) =>
        sink.Choice((int?)value, value is { } v ? Labels.Of(v) : null);

    private static void Choice(IScoreValueSink sink, RelationshipLevel? value) =>
        sink.Choice((int?)value, value is { } v ? Labels.Of(v) : null);

    private static void Choice(IScoreValueSink sink, ExpectationAlignment? value) =>
        sink.Choice((int?)value, value is { } v ? Labels.Of(v) : null);
}
