using System;
using System.Linq;
using CrmRelationship.Offline.Csv;
using CrmRelationship.Scoring;

namespace CrmRelationship.Offline.Columns;

/// <summary>A column the offline scorer computes: one of the Scoring library's <see cref="ScoreColumns"/>, and whether it is only recomputed in place.</summary>
/// <typeparam name="TScore">The score it is read from.</typeparam>
/// <param name="Column">The column and how its value comes from a score.</param>
/// <param name="OnlyInPlace">Recomputed where the input has it, never added: a column the output does not
/// carry, but which a re-export of a scored book may, and which must not be left stale there.</param>
internal sealed record ComputedColumn<TScore>(ScoreColumn<TScore> Column, bool OnlyInPlace)
{
    public string Name => Column.Name;
}

/// <summary>
/// The computed columns the offline scorer writes: the Scoring library's score-to-column tables, in
/// their order, but for previous level and level changed on (a book has no stored level to change
/// from), and previous key contact and key contact changed on (a book has no stored key contact either). Action urgency, the views' sort key that is not on the forms, is recomputed only when the
/// input has it. Values are written in the input's formats by <see cref="CsvScoreValues"/>.
/// </summary>
internal static class ComputedColumns
{
    // Declared first: static fields are initialised in order, and the tables below read it.
    private static readonly string[] NotWrittenOffline =
    {
        LogicalNames.Computed.PreviousLevel, LogicalNames.Computed.LevelChangedOn,
        LogicalNames.Computed.PreviousKeyContactId, LogicalNames.Computed.KeyContactChangedOn,
    };

    public static readonly ComputedColumn<ContactScore>[] Contact = Offline(ScoreColumns.Contact);

    public static readonly ComputedColumn<AccountScore>[] Account = Offline(ScoreColumns.Account);

    public static readonly string[] ContactNames = Contact.Select(c => c.Name).ToArray();

    public static readonly string[] AccountNames = Account.Select(c => c.Name).ToArray();

    private static ComputedColumn<TScore>[] Offline<TScore>(ScoreColumn<TScore>[] columns) =>
        columns
            .Where(c => !NotWrittenOffline.Contains(c.Name, StringComparer.Ordinal))
            .Select(c => new ComputedColumn<TScore>(c, OnlyInPlace: c.Name == LogicalNames.Computed.ActionUrgency))
            .ToArray();
}

/// <summary>
/// Writes computed values as the exports write them: choices as labels, dates as yyyy-MM-dd, whole
/// numbers, the key contact as its id, empty when null. The explanation is streamed from the score
/// through one buffer reused for every row, so scoring a large book never builds it as a string.
/// </summary>
internal sealed class CsvScoreValues : IScoreValueSink, IExplanationSink
{
    private readonly CsvWriter writer;
    private char[] explanation = new char[4096];
    private int length;

    public CsvScoreValues(CsvWriter writer) => this.writer = writer;

    public void Choice(int? optionValue, string? label) => writer.Write(label);

    public void WholeNumber(int? value) => writer.Write(value);

    public void DateOnly(DateTime? value) => writer.WriteDate(value);

    public void ContactReference(string? contactId) => writer.Write(contactId);

    public void Text(string? value) => writer.Write(value);

    public void Explanation(IExplainedScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        length = 0;
        score.WriteExplanation(this);
        writer.Write(explanation.AsSpan(0, length));
    }

    void IExplanationSink.Append(string text)
    {
        Reserve(text.Length);
        text.CopyTo(explanation.AsSpan(length));
        length += text.Length;
    }

    void IExplanationSink.Append(char character)
    {
        Reserve(1);
        explanation[length++] = character;
    }

    private void Reserve(int more)
    {
        if (length + more > explanation.Length)
        {
            Array.Resize(ref explanation, Math.Max(explanation.Length * 2, length + more));
        }
    }
}
