using System;
using System.Collections.Generic;
using CrmRelationship.Offline.Csv;
using CrmRelationship.Scoring;

namespace CrmRelationship.Offline.Columns;

/// <summary>
/// Turns one row of the contacts file into the Scoring library's <see cref="ContactInputs"/>, using
/// the positions bound from the header. Multi-select sets are shared read-only arrays (one per
/// combination), so a row costs one <see cref="ContactInputs"/> and nothing else.
/// </summary>
internal sealed class ContactRowReader
{
    /// <summary>Columns read when present, beyond the required ones.</summary>
    public static readonly string[] OptionalColumns = { ColumnNames.StateCode, ColumnNames.CreatedOn, LogicalNames.ContactInputs.PrimaryNeed };

    private static readonly RelationshipBehaviour[][] BehaviourSets = Sets<RelationshipBehaviour>();
    private static readonly RiskBehaviour[][] RiskSets = Sets<RiskBehaviour>();

    private readonly int relationship;
    private readonly int power;
    private readonly int perception;
    private readonly int activity;
    private readonly int observed;
    private readonly int risks;
    private readonly int viewLevel;
    private readonly int viewDate;
    private readonly int cadence;
    private readonly int stateCode;
    private readonly int createdOn;
    private readonly int primaryNeed;
    private readonly int touchpoints;
    private readonly int lastTouchpoint;

    public ContactRowReader(CsvLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        Layout = layout;
        ContactId = layout.IndexOf(ColumnNames.ContactId);
        FullName = layout.IndexOf(ColumnNames.FullName);
        ParentCustomerId = layout.IndexOf(ColumnNames.ParentCustomerId);
        relationship = layout.IndexOf(LogicalNames.ContactInputs.Relationship);
        power = layout.IndexOf(LogicalNames.ContactInputs.OrganizationalPower);
        perception = layout.IndexOf(LogicalNames.ContactInputs.Perception);
        activity = layout.IndexOf(LogicalNames.ContactInputs.ActivityLevel);
        observed = layout.IndexOf(LogicalNames.ContactInputs.ObservedBehaviours);
        risks = layout.IndexOf(LogicalNames.ContactInputs.RiskBehaviours);
        viewLevel = layout.IndexOf(LogicalNames.ContactInputs.CustomerViewLevel);
        viewDate = layout.IndexOf(LogicalNames.ContactInputs.CustomerViewDate);
        cadence = layout.IndexOf(LogicalNames.ContactInputs.FeedbackCadence);
        stateCode = layout.IndexOf(ColumnNames.StateCode);
        createdOn = layout.IndexOf(ColumnNames.CreatedOn);
        primaryNeed = layout.IndexOf(LogicalNames.ContactInputs.PrimaryNeed);
        touchpoints = layout.IndexOf(LogicalNames.Touchpoints.Count);
        lastTouchpoint = layout.IndexOf(LogicalNames.Touchpoints.LastTouchpoint);
    }

    public CsvLayout Layout { get; }

    public int ContactId { get; }

    public int FullName { get; }

    public int ParentCustomerId { get; }

    /// <summary>
    /// Reads the row's inputs, adding a problem for each value that cannot be right. The contact's Touchpoints and Last
    /// touchpoint (relationship-model.md §9) come from <paramref name="engagement"/> when activities are scored, else from
    /// the row's stored rel_touchpoints and rel_lasttouchpoint when the file has them, as the plug-ins read the stored columns.
    /// </summary>
    public ContactInputs Read(CsvRow row, List<string> problems, ContactEngagement? engagement, out bool active, out DateTime? created)
    {
        ArgumentNullException.ThrowIfNull(row);
        active = stateCode < 0 || ValueReader.IsActive(row[stateCode], ColumnNames.StateCode, problems);
        created = createdOn < 0 ? null : ValueReader.DateAndTime(row[createdOn], ColumnNames.CreatedOn, problems);
        var count = engagement is null ? StoredTouchpoints(row, problems) : engagement.Touchpoints;
        var last = engagement is null
            ? (lastTouchpoint < 0 ? null : ValueReader.Date(row[lastTouchpoint], LogicalNames.Touchpoints.LastTouchpoint, problems))
            : engagement.LastTouchpoint;
        return new ContactInputs
        {
            Touchpoints = count,
            LastTouchpoint = last,
            Relationship = ValueReader.Choice<RelationshipStatus>(row[relationship], LogicalNames.ContactInputs.Relationship, problems),
            OrganizationalPower = ValueReader.Choice<OrganizationalPower>(row[power], LogicalNames.ContactInputs.OrganizationalPower, problems),
            Perception = ValueReader.Choice<Perception>(row[perception], LogicalNames.ContactInputs.Perception, problems),
            ActivityLevel = ValueReader.Choice<ActivityLevel>(row[activity], LogicalNames.ContactInputs.ActivityLevel, problems),
            ObservedBehaviours = BehaviourSets[ValueReader.MultiSelect<RelationshipBehaviour>(row[observed], LogicalNames.ContactInputs.ObservedBehaviours, problems)],
            RiskBehaviours = RiskSets[ValueReader.MultiSelect<RiskBehaviour>(row[risks], LogicalNames.ContactInputs.RiskBehaviours, problems)],
            CustomerViewLevel = ValueReader.Choice<RelationshipLevel>(row[viewLevel], LogicalNames.ContactInputs.CustomerViewLevel, problems),
            CustomerViewDate = ValueReader.Date(row[viewDate], LogicalNames.ContactInputs.CustomerViewDate, problems),
            FeedbackCadence = ValueReader.Choice<FeedbackCadence>(row[cadence], LogicalNames.ContactInputs.FeedbackCadence, problems),
            PrimaryNeed = primaryNeed < 0 ? null : ValueReader.Choice<HumanNeed>(row[primaryNeed], LogicalNames.ContactInputs.PrimaryNeed, problems),
        };
    }

    private decimal? StoredTouchpoints(CsvRow row, List<string> problems)
    {
        if (touchpoints < 0)
        {
            return null;
        }

        var text = row[touchpoints].Trim();
        if (text.IsEmpty)
        {
            return null;
        }

        if (decimal.TryParse(text, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add(LogicalNames.Touchpoints.Count + " has " + ValueReader.Quote(text) + ", which is not a number such as 4.5");
        return null;
    }

    /// <summary>For each bit mask over the label order, the array of the options it selects.</summary>
    private static TChoice[][] Sets<TChoice>()
        where TChoice : struct, Enum
    {
        var options = ChoiceTable<TChoice>.Instance.Options;
        var sets = new TChoice[1 << options.Length][];
        for (var mask = 0; mask < sets.Length; mask++)
        {
            var set = new List<TChoice>(options.Length);
            for (var i = 0; i < options.Length; i++)
            {
                if ((mask & (1 << i)) != 0)
                {
                    set.Add(options[i]);
                }
            }

            sets[mask] = set.ToArray();
        }

        return sets;
    }
}

/// <summary>Turns one row of the accounts file into <see cref="AccountInputs"/>.</summary>
internal sealed class AccountRowReader
{
    private readonly int viewLevel;
    private readonly int viewDate;
    private readonly int cadence;

    public AccountRowReader(CsvLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        Layout = layout;
        AccountId = layout.IndexOf(ColumnNames.AccountId);
        Name = layout.IndexOf(ColumnNames.Name);
        viewLevel = layout.IndexOf(LogicalNames.AccountInputs.CustomerViewLevel);
        viewDate = layout.IndexOf(LogicalNames.AccountInputs.CustomerViewDate);
        cadence = layout.IndexOf(LogicalNames.AccountInputs.FeedbackCadence);
    }

    public CsvLayout Layout { get; }

    public int AccountId { get; }

    public int Name { get; }

    public AccountInputs Read(CsvRow row, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new AccountInputs
        {
            CustomerViewLevel = ValueReader.Choice<RelationshipLevel>(row[viewLevel], LogicalNames.AccountInputs.CustomerViewLevel, problems),
            CustomerViewDate = ValueReader.Date(row[viewDate], LogicalNames.AccountInputs.CustomerViewDate, problems),
            FeedbackCadence = ValueReader.Choice<FeedbackCadence>(row[cadence], LogicalNames.AccountInputs.FeedbackCadence, problems),
        };
    }
}
