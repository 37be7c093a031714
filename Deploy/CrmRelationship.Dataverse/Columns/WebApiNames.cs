using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmRelationship.Scoring;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Dataverse.Columns;

/// <summary>
/// How the product's tables and columns are named and typed in the Web API: entity sets, the <c>@odata.type</c> of a
/// bulk target, lookups read as <c>_x_value</c> and written through their navigation property, and which dates carry
/// a time. Logical names come from <see cref="LogicalNames"/>; only the Web API's spellings are added here, and
/// a test checks them against Solution/src.
/// </summary>
public static class WebApiNames
{
    public const string Contacts = "contacts";
    public const string Accounts = "accounts";
    public const string Steps = "sdkmessageprocessingsteps";

    /// <summary>Every activity table at once (activitypointer), read by export and counted by recalc.</summary>
    public const string ActivityPointers = "activitypointers";
    public const string SystemUsers = "systemusers";

    public const string FormattedValue = "OData.Community.Display.V1.FormattedValue";
    public const string LookupLogicalName = "Microsoft.Dynamics.CRM.lookuplogicalname";

    /// <summary>
    /// The single-valued navigation property of the account's key contact lookup (the relationship's
    /// ReferencingEntityNavigationPropertyName; case matters in <c>@odata.bind</c>).
    /// </summary>
    public const string KeyContactNavigation = "rel_KeyContactId";

    /// <summary>The single-valued navigation property of the account's previous key contact lookup.</summary>
    public const string PreviousKeyContactNavigation = "rel_PreviousKeyContactId";

    /// <summary>The navigation property that an update binds a contact lookup of the product through.</summary>
    public static string NavigationOf(string column) =>
        column == Names.Computed.PreviousKeyContactId ? PreviousKeyContactNavigation : KeyContactNavigation;

    /// <summary>Date and time columns (user local): written as UTC date and time. Every other date column is date only.</summary>
    public static readonly string[] DateAndTimeColumns =
        { Names.Computed.LevelChangedOn, Names.Computed.ScoredOn, Names.Standard.CreatedOn, Names.Computed.KeyContactChangedOn };

    /// <summary>Lookup columns the product reads or writes.</summary>
    public static readonly string[] LookupColumns = { Names.Standard.ParentCustomerId, Names.Computed.KeyContactId, Names.Computed.PreviousKeyContactId };

    /// <summary>
    /// The read of a table's active records (<c>statecode eq 0</c>) with exactly <paramref name="select"/>, as recalc and
    /// export both page through it.
    /// </summary>
    public static string ActiveRecords(string set, IEnumerable<string> select) =>
        set + "?$select=" + string.Join(",", select) + "&$filter="
        + Uri.EscapeDataString(Names.Standard.StateCode + " eq " + Names.ActiveState.ToString(CultureInfo.InvariantCulture));

    public static string EntitySet(string table) => table switch
    {
        Names.Contact => Contacts,
        Names.Account => Accounts,
        _ => throw new ArgumentException("Not a table the product writes: " + table, nameof(table)),
    };

    public static string ODataType(string table) => "Microsoft.Dynamics.CRM." + table;

    public static string IdColumn(string table) => table switch
    {
        Names.Contact => Names.Standard.ContactId,
        Names.Account => Names.Standard.AccountId,
        _ => throw new ArgumentException("Not a table the product writes: " + table, nameof(table)),
    };

    /// <summary>The property a column is read as: <c>_x_value</c> for a lookup, the logical name otherwise.</summary>
    public static string Property(string column) =>
        LookupColumns.Contains(column, StringComparer.Ordinal) ? "_" + column + "_value" : column;

    public static bool IsDateAndTime(string column) => DateAndTimeColumns.Contains(column, StringComparer.Ordinal);

    /// <summary>
    /// The contact columns recalc reads: id, what the rollup ranks by, the parent, the nine inputs, every stored computed
    /// column and the three stored touchpoint columns (compared with the recount from the activities, and kept for a
    /// contact whose recount is over the aggregate limit).
    /// </summary>
    public static readonly string[] ContactSelect =
    [
        Names.Standard.ContactId, Names.Standard.FullName, Names.Standard.CreatedOn, Property(Names.Standard.ParentCustomerId),
        .. Names.ContactInputs.All, .. Names.Computed.Contact, .. Names.Touchpoints.Contact,
    ];

    /// <summary>The account columns recalc reads: id, the three inputs and every stored computed column.</summary>
    public static readonly string[] AccountSelect =
    [
        Names.Standard.AccountId, .. Names.AccountInputs.All, .. Names.Computed.Account.Select(Property),
    ];

    /// <summary>The columns whose value a computed column is compared with: every computed column but scored on.</summary>
    public static bool IsCompared(string column) => !string.Equals(column, Names.Computed.ScoredOn, StringComparison.Ordinal);
}
