using System;
using System.Collections.Generic;
using System.Globalization;

namespace CrmRelationship.Testing;

/// <summary>The organization-service calls the harness counts: the kinds a <see cref="CallCounts"/> totals.</summary>
public enum CallKind
{
    Retrieve,
    RetrieveMultiple,
    Create,
    Update,
    Delete,
}

/// <summary>
/// One call a plug-in made through a service from <c>IOrganizationServiceFactory</c>, recorded so a test can
/// assert what a step read or wrote, as whom and at which depth, instead of timing it.
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
