using System;
using System.Globalization;
using System.Text.Json;
using CrmRelationship.Scoring;

namespace CrmRelationship.Dataverse.Columns;

/// <summary>The Web API type of a computed column, as the Scoring library's score-to-column table hands it.</summary>
public enum ColumnKind
{
    Choice,
    WholeNumber,
    Date,
    Text,
    ContactReference,

    /// <summary>A decimal number (the contact's Touchpoints, one decimal place).</summary>
    DecimalNumber,
}

/// <summary>
/// One computed column's value, stored or computed, typed as the Web API carries it. Two values are the same
/// column value as the plug-ins compare them: options and lookups by value and id, date-only columns by their day and
/// date and time columns exactly (a second change of key contact on the same day moves it), text ignoring how line
/// ends are written, empty only equal to empty.
/// </summary>
public readonly record struct ColumnValue(ColumnKind Kind, int? Number, DateTime? Date, string? Text, Guid? Id, string? Label, decimal? Amount = null)
{
    public bool IsEmpty => Number is null && Date is null && Text is null && Id is null && Amount is null;

    /// <param name="other">The other value of the same column.</param>
    /// <param name="column">The column's logical name: whether a date carries a time (<see cref="WebApiNames.IsDateAndTime"/>).</param>
    public bool SameAs(ColumnValue other, string column)
    {
        if (IsEmpty || other.IsEmpty)
        {
            return IsEmpty && other.IsEmpty;
        }

        return Kind switch
        {
            ColumnKind.Choice or ColumnKind.WholeNumber => Number == other.Number,
            ColumnKind.Date => WebApiNames.IsDateAndTime(column) ? Date == other.Date : Date!.Value.Date == other.Date?.Date,
            ColumnKind.Text => string.Equals(Normalise(Text), Normalise(other.Text), StringComparison.Ordinal),
            ColumnKind.DecimalNumber => Amount == other.Amount,
            _ => Id == other.Id,
        };
    }

    /// <summary>The value as changes.csv shows it: a choice's label, yyyy-MM-dd (with the time for date and time columns), the text, the id.</summary>
    public string Display(bool withTime)
    {
        if (IsEmpty)
        {
            return string.Empty;
        }

        return Kind switch
        {
            ColumnKind.Choice => Label ?? Number!.Value.ToString(CultureInfo.InvariantCulture),
            ColumnKind.WholeNumber => Number!.Value.ToString(CultureInfo.InvariantCulture),
            ColumnKind.Date => withTime
                ? Date!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                : Date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ColumnKind.Text => Text!,
            ColumnKind.DecimalNumber => TouchpointSettings.Format(Amount!.Value),
            _ => Id!.Value.ToString("D"),
        };
    }

    /// <summary>Writes the value as a Web API property of an update (a lookup through its navigation property).</summary>
    public void WriteProperty(Utf8JsonWriter json, string column)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (Kind == ColumnKind.ContactReference)
        {
            json.WritePropertyName(WebApiNames.NavigationOf(column) + "@odata.bind");
            if (Id is { } id)
            {
                json.WriteStringValue("/" + WebApiNames.Contacts + "(" + id.ToString("D") + ")");
            }
            else
            {
                json.WriteNullValue();
            }

            return;
        }

        json.WritePropertyName(column);
        if (IsEmpty)
        {
            json.WriteNullValue();
            return;
        }

        switch (Kind)
        {
            case ColumnKind.Choice:
            case ColumnKind.WholeNumber:
                json.WriteNumberValue(Number!.Value);
                break;
            case ColumnKind.DecimalNumber:
                json.WriteNumberValue(Amount!.Value);
                break;
            case ColumnKind.Date:
                json.WriteStringValue(WebApiNames.IsDateAndTime(column)
                    ? DateTime.SpecifyKind(Date!.Value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                    : Date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteStringValue(Text);
                break;
        }
    }

    private static string? Normalise(string? text) => text?.Replace("\r\n", "\n", StringComparison.Ordinal);
}

/// <summary>
/// Receives each computed column's value from the Scoring library's <see cref="ScoreColumns"/> table (the one the
/// plug-ins and the offline scorer write from) as a <see cref="ColumnValue"/>.
/// </summary>
public sealed class ComputedValues : IScoreValueSink
{
    private ColumnValue value;

    /// <summary>The column's computed value for <paramref name="score"/>.</summary>
    public ColumnValue Of<TScore>(ScoreColumn<TScore> column, TScore score)
    {
        ArgumentNullException.ThrowIfNull(column);
        value = default;
        column.Write(score, this);
        return value;
    }

    public void Choice(int? optionValue, string? label) => value = new ColumnValue(ColumnKind.Choice, optionValue, null, null, null, label);

    public void WholeNumber(int? value) => this.value = new ColumnValue(ColumnKind.WholeNumber, value, null, null, null, null);

    public void DateOnly(DateTime? value) => this.value = new ColumnValue(ColumnKind.Date, null, value, null, null, null);

    public void Explanation(IExplainedScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        value = new ColumnValue(ColumnKind.Text, null, null, score.Explanation, null, null);
    }

    public void Text(string? value) => this.value = new ColumnValue(ColumnKind.Text, null, null, value, null, null);

    public void ContactReference(string? contactId) =>
        value = new ColumnValue(ColumnKind.ContactReference, null, null, null, contactId is null ? null : Guid.Parse(contactId), null);
}
