using System;
using System.Collections.Generic;
using System.Linq;
using CrmRelationship.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace CrmRelationship.Testing;

/// <summary>
/// The relationships the organization knows, e.g. <see cref="SolutionSource.LoadRelationships"/> of Solution/src, and
/// what the platform does with their lookups inside the main operation: a Create or Update that sets such a lookup to
/// a row that does not exist is refused with the platform's "Does Not Exist" error (which aborts the whole operation,
/// as a plug-in's failed write does), and deleting a row clears every lookup to it whose relationship has cascade
/// delete RemoveLink, before any PostOperation step of the Delete runs. The cleared rows are changed directly: no step
/// runs for them.
/// </summary>
public sealed partial class Pipeline
{
    private IReadOnlyList<RelationshipDefinition> relationships = Array.Empty<RelationshipDefinition>();

    /// <summary>The one-to-many relationships whose lookups the organization checks and cascades; none by default.</summary>
    public IReadOnlyList<RelationshipDefinition> Relationships
    {
        get => relationships;
        init => relationships = (value ?? throw new ArgumentNullException(nameof(value))).ToList();
    }

    /// <summary>The platform's value of <c>CascadeDelete</c> that clears the lookups to a deleted row.</summary>
    public const string RemoveLink = "RemoveLink";

    /// <summary>Refuses a lookup of a known relationship that names a row that does not exist.</summary>
    private void RefuseMissingLookups(Entity target)
    {
        foreach (var relationship in LookupsOf(target.LogicalName))
        {
            if (target.Attributes.TryGetValue(LogicalName(relationship.ReferencingAttribute), out var value)
                && value is EntityReference reference
                && Store.Row(reference.LogicalName, reference.Id) is null)
            {
                throw EntityStore.NotFound(reference.LogicalName, reference.Id);
            }
        }
    }

    /// <summary>Clears every lookup to the deleted row whose relationship has cascade delete RemoveLink.</summary>
    private void RemoveLinks(string entityName, Guid id)
    {
        foreach (var relationship in relationships.Where(r =>
            string.Equals(LogicalName(r.ReferencedEntity), entityName, StringComparison.Ordinal)
            && string.Equals(r.CascadeDelete, RemoveLink, StringComparison.Ordinal)))
        {
            var referencing = LogicalName(relationship.ReferencingEntity);
            var lookup = LogicalName(relationship.ReferencingAttribute);
            var linked = Store.Rows(referencing)
                .Where(row => row.GetAttributeValue<EntityReference>(lookup) is { } reference && reference.Id == id)
                .Select(row => row.Id)
                .ToList();
            foreach (var rowId in linked)
            {
                Store.Apply(new Entity(referencing, rowId) { [lookup] = null }, rowId);
            }
        }
    }

    private IEnumerable<RelationshipDefinition> LookupsOf(string entityName) =>
        relationships.Where(r => string.Equals(LogicalName(r.ReferencingEntity), entityName, StringComparison.Ordinal));

    /// <summary>The source names tables and lookups by schema name (Account, rel_KeyContactId); logical names are lower case.</summary>
    private static string LogicalName(string schemaName) => schemaName.ToLowerInvariant();
}
