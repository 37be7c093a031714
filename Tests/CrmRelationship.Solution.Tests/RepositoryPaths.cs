using System;
using System.IO;
using CrmRelationship.SolutionModel;

namespace CrmRelationship.Solution.Tests;

/// <summary>
/// Where the tests find their inputs: the repository root (the folder holding CrmRelationship.sln, found by
/// walking up from the test binaries), its docs, and Microsoft's XSDs wherever <see cref="SchemaLocation"/>
/// finds them (CRMREL_SCHEMAS, else ../shared/schemas beside the checkout; never copied into the repository).
/// </summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SolutionFolder => Path.Combine(Root, "Solution");

    public static string SolutionSource => Path.Combine(SolutionFolder, "src");

    /// <summary>Where the XSDs are, if anywhere; a CRMREL_SCHEMAS that names no schema folder fails every test that asks.</summary>
    public static SchemaLocation SchemaLocation => LazySchemaLocation.Value;

    /// <summary>The XSD folder; when there is none, the calling test is reported as skipped with the reason.</summary>
    public static string Schemas => SchemaLocation.Directory ?? Skip();

    public static string SchemaPage => Path.Combine(Root, "docs", "dataverse-schema.md");

    public static string ModelPage => Path.Combine(Root, "docs", "relationship-model.md");

    private static readonly Lazy<SchemaLocation> LazySchemaLocation = new(() => SchemaLocation.Find(null, Root));

    private static string Skip()
    {
        NUnit.Framework.Assert.Ignore(SchemaLocation.SkipReason!);
        return string.Empty;
    }

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
