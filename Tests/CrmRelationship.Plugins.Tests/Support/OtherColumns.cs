namespace CrmRelationship.Plugins.Tests.Support;

/// <summary>
/// Standard columns the product never reads, used by tests to show that a save of them runs no
/// step and costs nothing. The product's own names are in CrmRelationship.Scoring.LogicalNames only.
/// </summary>
internal static class OtherColumns
{
    public const string FirstName = "firstname";
    public const string Description = "description";
    public const string StatusCode = "statuscode";
    public const string OwnerId = "ownerid";
    public const string SystemUser = "systemuser";
}
