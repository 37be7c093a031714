using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CrmRelationship.Testing;

/// <summary>The organization-service calls the harness counts.</summary>
public enum CallKind
{
    Retrieve,
    RetrieveMultiple,
    Create,
    Update,
    Delete,
}

/// <summary>
/// One call a plug-in made through a service from <c>IOrganizationServiceFactory</c>.
/// </summary>
/// <param name="Kind">Which call.</param>
/// <param name="EntityName">The table it addressed.</param>
/// <param name="UserId">The user the service was created for; <see cref="Pipeline.SystemUserId"/> for a null user id.</param>
/// <param name="Depth">The depth of the step execution that made the call.</param>
/// <param name="RecordId">The row's id; <see cref="Guid.Empty"/> for RetrieveMultiple and for a Create before its id is known.</param>
/// <param name="PageNumber">The page asked for by a RetrieveMultiple; 0 otherwise.</param>
public sealed record ServiceCall(CallKind Kind, string EntityName, Guid RecordId, Guid UserId, int Depth, int PageNumber = 0)
{
    /// <summary>The columns a Create or Update wrote (so a test can check that only changed columns are sent); empty otherwise.</summary>
    public IReadOnlyList<string> Columns { get; init; } = Array.Empty<string>();

    public override string ToString() =>
        Kind == CallKind.RetrieveMultiple
            ? string.Create(CultureInfo.InvariantCulture, $"{Kind} {EntityName} page {PageNumber} (depth {Depth})")
            : string.Create(CultureInfo.InvariantCulture, $"{Kind} {EntityName} {RecordId} (depth {Depth})");
}

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
