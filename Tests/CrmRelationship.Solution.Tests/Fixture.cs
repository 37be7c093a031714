using System;
using CrmRelationship.SolutionModel;

namespace CrmRelationship.Solution.Tests;

/// <summary>The solution source, the schemas and the two reference pages, each read once per test run.</summary>
internal static class Fixture
{
    private static readonly Lazy<SolutionSource> LazySource = new(() => SolutionSource.Load(RepositoryPaths.SolutionSource));
    private static readonly Lazy<SolutionSchemas> LazySchemas = new(() => SolutionSchemas.Load(RepositoryPaths.Schemas));
    private static readonly Lazy<DataverseSchemaPage> LazyPage = new(() => DataverseSchemaPage.Load(RepositoryPaths.SchemaPage));
    private static readonly Lazy<RelationshipModelPage> LazyModel = new(() => RelationshipModelPage.Load(RepositoryPaths.ModelPage));

    public static SolutionSource Source => LazySource.Value;

    /// <summary>The compiled XSDs; a test that reads them is reported as skipped when they are not on the machine.</summary>
    public static SolutionSchemas Schemas => RepositoryPaths.SchemaLocation.Directory is null ? Skipped() : LazySchemas.Value;

    public static DataverseSchemaPage Page => LazyPage.Value;

    public static RelationshipModelPage Model => LazyModel.Value;

    /// <summary>Reports the calling test as skipped, with the reason, when the XSDs are not on the machine.</summary>
    public static void RequireSchemas() => _ = Schemas;

    private static SolutionSchemas Skipped()
    {
        NUnit.Framework.Assert.Ignore(RepositoryPaths.SchemaLocation.SkipReason!);
        return null!;
    }
}
