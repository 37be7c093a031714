namespace CrmRelationship.Plugins.Tests.Support;

/// <summary>
/// The state (statecode) and status (statuscode) values Dataverse gives every contact and account. The
/// platform fixes them, not the solution, so no Scoring enum carries them; they are named here once.
/// </summary>
internal static class States
{
    public const int Active = 0;
    public const int Inactive = 1;

    public const int ActiveStatus = 1;
    public const int InactiveStatus = 2;
}
