using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using CrmRelationship.Scoring;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Dataverse.Columns;

/// <summary>
/// Reads one record of a Web API page (<c>{"contactid": …, "rel_relationship": 415700001, …}</c>) as the product's
/// types. A stored option value outside its choice (an option an administrator added) reads as not assessed, as the
/// plug-ins read one in an image; a value of the wrong JSON type reads as empty.
/// </summary>
public readonly struct StoredRecord
{
    private readonly JsonElement element;

    public StoredRecord(JsonElement element)
    {
        this.element = element;
    }

    public Guid? Id(string column) => Raw(column) is { ValueKind: JsonValueKind.String } value && value.TryGetGuid(out var id) ? id : null;

    public string? Text(string column) => Raw(column) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public int? Number(string column) => Raw(column) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number) ? number : null;

    public decimal? DecimalNumber(string column) => Raw(column) is { ValueKind: JsonValueKind.Number } value && value.TryGetDecimal(out var number) ? number : null;

    /// <summary>A date only (yyyy-MM-dd) or date and time (ISO 8601, UTC) column.</summary>
    public DateTime? Date(string column)
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }

        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : null;
    }

    /// <summary>The formatted-value annotation of a column (a choice's label in the user's language), or null.</summary>
    public string? Formatted(string column) => Annotation(WebApiNames.Property(column), WebApiNames.FormattedValue);

    /// <summary>The table a lookup points to (its lookuplogicalname annotation), or null.</summary>
    public string? LookupTable(string column) => Annotation(WebApiNames.Property(column), WebApiNames.LookupLogicalName);

    public TChoice? Choice<TChoice>(string column)
        where TChoice : struct, Enum =>
        Number(column) is { } value && Labels.TryFromValue<TChoice>(value, out var choice) ? choice : null;

    /// <summary>A multi-select column: its option values separated by commas; values outside the choice are left out.</summary>
    public IReadOnlyCollection<TChoice> Choices<TChoice>(string column)
        where TChoice : struct, Enum
    {
        var options = new List<TChoice>();
        foreach (var value in OptionValues(column))
        {
            if (Labels.TryFromValue<TChoice>(value, out var choice) && !options.Contains(choice))
            {
                options.Add(choice);
            }
        }

        return options;
    }

    /// <summary>The option values of a multi-select column, as stored.</summary>
    public IReadOnlyList<int> OptionValues(string column)
    {
        var text = Text(column);
        if (string.IsNullOrWhiteSpace(text))
        {
            return Array.Empty<int>();
        }

        var values = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (int.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                values.Add(value);
            }
        }

        return values;
    }

    /// <summary>The stored value of a computed column, read as the kind its computed value has.</summary>
    public ColumnValue Stored(string column, ColumnKind kind) => kind switch
    {
        ColumnKind.Choice or ColumnKind.WholeNumber => new ColumnValue(kind, Number(column), null, null, null, Formatted(column)),
        ColumnKind.Date => new ColumnValue(kind, null, Date(column), null, null, null),
        ColumnKind.Text => new ColumnValue(kind, null, null, Text(column), null, null),
        ColumnKind.DecimalNumber => new ColumnValue(kind, null, null, null, null, null, DecimalNumber(column)),
        _ => new ColumnValue(kind, null, null, null, Id(WebApiNames.Property(column)), null),
    };

    /// <summary>
    /// The contact's inputs with its Touchpoints and Last touchpoint as recounted from its activities (recalc), or as
    /// stored when <paramref name="recounted"/> is null.
    /// </summary>
    public ContactInputs ContactInputs(ContactEngagement? recounted = null) => new()
    {
        Relationship = Choice<RelationshipStatus>(Names.ContactInputs.Relationship),
        OrganizationalPower = Choice<OrganizationalPower>(Names.ContactInputs.OrganizationalPower),
        Perception = Choice<Perception>(Names.ContactInputs.Perception),
        ActivityLevel = Choice<ActivityLevel>(Names.ContactInputs.ActivityLevel),
        ObservedBehaviours = Choices<RelationshipBehaviour>(Names.ContactInputs.ObservedBehaviours),
        RiskBehaviours = Choices<RiskBehaviour>(Names.ContactInputs.RiskBehaviours),
        CustomerViewLevel = Choice<RelationshipLevel>(Names.ContactInputs.CustomerViewLevel),
        CustomerViewDate = Date(Names.ContactInputs.CustomerViewDate),
        FeedbackCadence = Choice<FeedbackCadence>(Names.ContactInputs.FeedbackCadence),
        PrimaryNeed = Choice<HumanNeed>(Names.ContactInputs.PrimaryNeed),
        Touchpoints = recounted is null ? DecimalNumber(Names.Touchpoints.Count) : recounted.Touchpoints,
        LastTouchpoint = recounted is null ? Date(Names.Touchpoints.LastTouchpoint) : recounted.LastTouchpoint,
    };

    public AccountInputs AccountInputs() => new()
    {
        CustomerViewLevel = Choice<RelationshipLevel>(Names.AccountInputs.CustomerViewLevel),
        CustomerViewDate = Date(Names.AccountInputs.CustomerViewDate),
        FeedbackCadence = Choice<FeedbackCadence>(Names.AccountInputs.FeedbackCadence),
    };

    /// <summary>
    /// The stored level and its last change, as the contact step's pre-image gives them; null for a contact that
    /// was never scored (no "scored on"), which is scored as a new contact would be.
    /// </summary>
    public LevelHistory? History()
    {
        if (Date(Names.Computed.ScoredOn) is null)
        {
            return null;
        }

        return new LevelHistory
        {
            StoredLevel = Choice<RelationshipLevel>(Names.Computed.RelationshipLevel),
            PreviousLevel = Choice<RelationshipLevel>(Names.Computed.PreviousLevel),
            LevelChangedOn = Date(Names.Computed.LevelChangedOn),
        };
    }

    /// <summary>
    /// The stored key contact and its last change, as the account step's pre-image gives them; null for an account
    /// that was never scored. Recalc sees no save, so no contact is leaving (relationship-model.md §10).
    /// </summary>
    public KeyContactHistory? KeyContactHistory()
    {
        if (Date(Names.Computed.ScoredOn) is null)
        {
            return null;
        }

        return new KeyContactHistory
        {
            StoredKeyContactId = Id(WebApiNames.Property(Names.Computed.KeyContactId))?.ToString("D"),
            PreviousKeyContactId = Id(WebApiNames.Property(Names.Computed.PreviousKeyContactId))?.ToString("D"),
            KeyContactChangedOn = Date(Names.Computed.KeyContactChangedOn),
        };
    }

    private JsonElement? Raw(string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private string? Annotation(string property, string term) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property + "@" + term, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
