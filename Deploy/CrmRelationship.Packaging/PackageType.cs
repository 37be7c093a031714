namespace CrmRelationship.Packaging;

/// <summary>
/// The two kinds of solution zip Dataverse exports and imports. Unmanaged is for development
/// environments; managed is what an administrator installs, upgrades and uninstalls.
/// </summary>
public enum PackageType
{
    Unmanaged = 0,
    Managed = 1,
}
