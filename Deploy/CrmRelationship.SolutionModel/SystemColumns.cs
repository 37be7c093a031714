using System;
using System.Collections.Generic;

namespace CrmRelationship.SolutionModel;

/// <summary>
/// The system columns of Dataverse's contact and account tables (and of the activity tables the touchpoint steps are
/// registered on) that this solution's views, charts, forms and steps name besides the columns it defines in Entity.xml. It is the one list <c>crmrel pack</c> and the solution
/// tests check column names against (README.md, "System columns the solution uses", shows the same list), so that a
/// typo in a system column's name stops the pack. It holds what Solution/src uses and no more: a test fails when a
/// listed column is no longer named anywhere.
/// </summary>
public static class SystemColumns
{
    /// <summary>The system columns by table logical name, in the order README.md lists them.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ByTable { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["contact"] =
        [
            "contactid", "fullname", "firstname", "lastname", "jobtitle", "parentcustomerid",
            "emailaddress1", "telephone1", "ownerid", "statecode", "createdon",
        ],
        ["account"] = ["accountid", "name", "telephone1", "websiteurl", "ownerid", "statecode"],
        ["phonecall"] = ["statecode", "actualend", "from", "to", "cc"],
        ["appointment"] = ["statecode", "actualend", "requiredattendees", "optionalattendees", "organizer"],
        ["email"] = ["statecode", "actualend", "from", "to", "cc"],
    };

    /// <summary>The system columns of <paramref name="table"/> the solution uses; empty for a table it does not list.</summary>
    public static IReadOnlyList<string> Of(string table) =>
        ByTable.TryGetValue(table, out var columns) ? columns : Array.Empty<string>();
}
