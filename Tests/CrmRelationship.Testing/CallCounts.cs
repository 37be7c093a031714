using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CrmRelationship.Testing;

/// <summary>Service calls counted by kind, so a test asserts exact numbers in one comparison.</summary>
public readonly record struct CallCounts(int Retrieve, int RetrieveMultiple, int Create, int Update, int Delete)
{
    public static CallCounts None => default;

    public int Total => Retrieve + RetrieveMultiple + Create + Update + Delete;

    public static CallCounts Of(IEnumerable<ServiceCall> calls)
    {
        var list = calls?.ToList() ?? throw new ArgumentNullException(nameof(calls));
        int Count(CallKind kind) => list.Count(c => c.Kind == kind);
        return new CallCounts(Count(CallKind.Retrieve), Count(CallKind.RetrieveMultiple), Count(CallKind.Create), Count(CallKind.Update), Count(CallKind.Delete));
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Retrieve} Retrieve, {RetrieveMultiple} RetrieveMultiple, {Create} Create, {Update} Update, {Delete} Delete");
}
