namespace CrmRelationship.SolutionModel;

/// <summary>A relationship of <c>Other/Relationships/&lt;ReferencedEntity&gt;.xml</c>.</summary>
public sealed record RelationshipDefinition(
    string Name,
    string RelationshipType,
    string ReferencingEntity,
    string ReferencedEntity,
    string ReferencingAttribute,
    string CascadeDelete);
