using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmRelationship.FakeDataverse;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Dataverse.Tests.Support;

/// <summary>Builds fake records from labels, as a seller would fill them in.</summary>
internal static class Records
{
    public static int Option<TChoice>(string label)
        where TChoice : struct, Enum => FakeBook.ValueOf<TChoice>(label);

    public static string Options<TChoice>(params string[] labels)
        where TChoice : struct, Enum => string.Join(",", labels.Select(l => Option<TChoice>(l).ToString(CultureInfo.InvariantCulture)));

    public static Guid Account(FakeDataverse.FakeDataverse fake, string name, params (string Column, object? Value)[] values)
    {
        var id = Guid.NewGuid();
        var record = new Dictionary<string, object?> { [Names.Standard.Name] = name, [Names.Standard.StateCode] = 0 };
        foreach (var (column, value) in values)
        {
            record[column] = value;
        }

        fake.Accounts.Add(id, record);
        return id;
    }

    public static Guid Contact(FakeDataverse.FakeDataverse fake, Guid? account, string name, params (string Column, object? Value)[] values)
    {
        var id = Guid.NewGuid();
        var record = new Dictionary<string, object?>
        {
            [Names.Standard.FullName] = name,
            [Names.Standard.StateCode] = 0,
            [Names.Standard.CreatedOn] = "2025-03-01T10:00:00Z",
            [Names.Standard.ParentCustomerId] = account is { } parent ? new FakeLookup(parent, Names.Account) : null,
        };
        foreach (var (column, value) in values)
        {
            record[column] = value;
        }

        fake.Contacts.Add(id, record);
        return id;
    }
}
