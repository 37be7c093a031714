using System.IO;
using CrmRelationship.SolutionModel;
using CrmRelationship.Tests.Shared;

namespace CrmRelationship.Plugins.Tests.Support;

/// <summary>
/// Where the files under test are. The project file writes the repository root and the path of the
/// net462 plug-in assembly it built into this assembly's metadata, so tests never guess at bin/ layouts.
/// </summary>
internal static class TestPaths
{
    public static string RepositoryRoot => Required("RepositoryRoot");

    /// <summary>Plugins/CrmRelationship.Plugins/bin/&lt;Configuration&gt;/net462/CrmRelationship.Plugins.dll.</summary>
    public static string PluginsNet462 => Required("PluginsNet462Path");

    public static string SolutionSourceFolder => SolutionSource.SourceFolder(RepositoryRoot);

    public static string PluginKeyFile =>
        Path.Combine(RepositoryRoot, "Plugins", "CrmRelationship.Plugins", "CrmRelationship.Plugins.snk");

    private static string Required(string key) => BuildMetadata.Required(typeof(TestPaths).Assembly, key);
}
