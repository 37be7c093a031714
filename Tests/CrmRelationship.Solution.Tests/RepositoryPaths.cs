using System;
using System.IO;

namespace CrmRelationship.Solution.Tests;

/// <summary>
/// Where the tests find their inputs: the repository root (the folder holding CrmRelationship.sln, found by
/// walking up from the test binaries) and the shared reference folder next to it (docs and XSDs, never copied).
/// </summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SolutionFolder => Path.Combine(Root, "Solution");

    public static string SolutionSource => Path.Combine(SolutionFolder, "src");

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string Schemas => Path.Combine(Shared, "schemas");

    public static string SchemaPage => Path.Combine(Shared, "docs", "dataverse-schema.md");

    public static string ModelPage => Path.Combine(Shared, "docs", "relationship-model.md");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CrmRelationship.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No CrmRelationship.sln above {AppContext.BaseDirectory}.");
    }
}
