using System.IO;
using CrmRelationship.Tests.Shared;
using Microsoft.Xrm.Sdk;

namespace CrmRelationship.XrmSdk.Tests.Metadata;

/// <summary>
/// Where the files under test are. The project file writes the paths into this assembly's metadata at
/// build time, so the tests never guess at bin/ layouts or the NuGet cache location.
/// </summary>
internal static class TestPaths
{
    public static string StandInNet10 => typeof(Entity).Assembly.Location;

    public static string StandInNet462 => Required("XrmSdkStandInNet462Path");

    public static string XrmToolingConnector => Required("XrmToolingConnectorPath");

    public static string RepositoryRoot => Required("RepositoryRoot");

    public static string PublicSurfaceListing =>
        Path.Combine(RepositoryRoot, "Plugins", "Microsoft.Xrm.Sdk", "PublicSurface.txt");

    public static string StandInProject =>
        Path.Combine(RepositoryRoot, "Plugins", "Microsoft.Xrm.Sdk", "Microsoft.Xrm.Sdk.csproj");

    private static string Required(string key) => BuildMetadata.Required(typeof(TestPaths).Assembly, key);
}
