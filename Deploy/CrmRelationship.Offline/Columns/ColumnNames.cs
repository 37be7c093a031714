using System.Linq;
using CrmRelationship.Scoring;

namespace CrmRelationship.Offline.Columns;

/// <summary>
/// The columns of the offline scorer's CSV files. Every logical name comes from
/// <see cref="LogicalNames"/> (defined once for all C# callers); this class only says which of them
/// each input file must have. No logical name is written as
/// a literal anywhere else in crmrel; the computed columns are in <see cref="ComputedColumns"/>.
/// </summary>
internal static class ColumnNames
{
    public const string ContactId = LogicalNames.Standard.ContactId;
    public const string FullName = LogicalNames.Standard.FullName;
    public const string ParentCustomerId = LogicalNames.Standard.ParentCustomerId;
    public const string StateCode = LogicalNames.Standard.StateCode;
    public const string CreatedOn = LogicalNames.Standard.CreatedOn;
    public const string AccountId = LogicalNames.Standard.AccountId;
    public const string Name = LogicalNames.Standard.Name;

    /// <summary>
    /// A contacts file without one of these cannot be scored. What they need most (relationship-model.md §10) is an
    /// input too, but optional, so that a book exported before it existed still scores.
    /// </summary>
    public static readonly string[] RequiredContactColumns =
        [ContactId, FullName, ParentCustomerId, .. LogicalNames.ContactInputs.All.Where(c => c != LogicalNames.ContactInputs.PrimaryNeed)];

    /// <summary>An accounts file without one of these cannot be scored.</summary>
    public static readonly string[] RequiredAccountColumns = [AccountId, Name, .. LogicalNames.AccountInputs.All];

    /// <summary>The input columns of accounts.csv when the accounts are derived from the contacts' parents.</summary>
    public static readonly string[] DerivedAccountColumns = RequiredAccountColumns;
}

/// <summary>
/// The labels of the standard <c>statecode</c> choice as a Dynamics export writes them. They are not
/// a relationship choice, so <see cref="Labels"/> does not hold them.
/// </summary>
internal static class StateLabels
{
    public const string Active = "Active";
    public const string Inactive = "Inactive";
}
