using System;
using CrmRelationship.Scoring;
using Microsoft.Xrm.Sdk;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Plugins;

/// <summary>
/// Sets a score's computed columns on a record as the SDK types them (choices as
/// <see cref="OptionSetValue"/>, the key contact as an <see cref="EntityReference"/>), from the Scoring
/// library's one score-to-column table, <see cref="ScoreColumns"/>.
/// </summary>
internal sealed class ScoreValues : IScoreValueSink
{
    private object? value;

    /// <summary>Sets every computed column of <paramref name="columns"/> on <paramref name="target"/>, replacing what a caller put there, and the scored-on time.</summary>
    public static void Write<TScore>(ScoreColumn<TScore>[] columns, TScore score, DateTime scoredOn, Entity target)
    {
        var values = new ScoreValues();
        foreach (var column in columns)
        {
            target[column.Name] = values.Of(column, score);
        }

        target[Names.Computed.ScoredOn] = scoredOn;
    }

    /// <summary>The column's value for <paramref name="score"/> as the SDK types it (one instance serves every column of a write).</summary>
    public object? Of<TScore>(ScoreColumn<TScore> column, TScore score)
    {
        value = null;
        column.Write(score, this);
        return value;
    }

    /// <summary>
    /// Whether a stored value and a computed one are the same column value: options and lookups by their
    /// value and id, dates by their day, empty only equal to empty.
    /// </summary>
    public static bool Same(object? stored, object? computed)
    {
        if (stored is null || computed is null)
        {
            return stored is null && computed is null;
        }

        if (stored is OptionSetValue storedOption && computed is OptionSetValue computedOption)
        {
            return storedOption.Value == computedOption.Value;
        }

        if (stored is EntityReference storedReference && computed is EntityReference computedReference)
        {
            return storedReference.Id == computedReference.Id;
        }

        if (stored is DateTime storedDate && computed is DateTime computedDate)
        {
            return storedDate.Date == computedDate.Date;
        }

        return Equals(stored, computed);
    }

    public void Choice(int? optionValue, string? label) =>
        value = optionValue is { } option ? new OptionSetValue(option) : null;

    public void WholeNumber(int? number) => value = number;

    public void DateOnly(DateTime? date) => value = date;

    public void Explanation(IExplainedScore score) => value = score.Explanation;

    public void Text(string? value) => this.value = value;

    public void ContactReference(string? contactId) =>
        value = contactId is null ? null : new EntityReference(Names.Contact, Guid.Parse(contactId));
}
