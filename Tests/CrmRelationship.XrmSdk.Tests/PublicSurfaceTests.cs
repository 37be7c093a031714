using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CrmRelationship.XrmSdk.Tests.Metadata;
using NUnit.Framework;

namespace CrmRelationship.XrmSdk.Tests;

/// <summary>
/// Keeps the stand-in's public surface equal to the reviewed listing
/// Plugins/Microsoft.Xrm.Sdk/PublicSurface.txt, so no signature changes by accident.
/// </summary>
[TestFixture]
public sealed class PublicSurfaceTests
{
    private const string UpdateVariable = "UPDATE_PUBLIC_SURFACE";

    private static readonly string[] Header =
    [
        "# Public surface of the Microsoft.Xrm.Sdk compile-time stand-in (Plugins/Microsoft.Xrm.Sdk).",
        "# Generated from the built assembly by Tests/CrmRelationship.XrmSdk.Tests (PublicSurfaceTests); do not edit by hand.",
        "# Each signature must match the Microsoft Learn reference of Microsoft.Xrm.Sdk exactly (declaring type included).",
        "# To accept a deliberate change: UPDATE_PUBLIC_SURFACE=1 dotnet test Tests/CrmRelationship.XrmSdk.Tests --filter PublicSurface",
    ];

    [Test]
    public void Net10StandIn_MatchesCheckedInListing()
    {
        // Arrange
        var actual = SurfaceOf(TestPaths.StandInNet10);
        var path = TestPaths.PublicSurfaceListing;
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, string.Join("\n", Header.Concat(actual)) + "\n");
            TestContext.Out.WriteLine($"{UpdateVariable}=1: rewrote {path}; review and commit it.");
        }

        // Act
        var expected = File.Exists(path)
            ? File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray()
            : [];
        var diff = Diff(expected, actual);

        // Assert
        Assert.That(diff, Is.Empty, () =>
            $"The stand-in's public surface differs from {path}:\n"
            + string.Join("\n", diff)
            + "\n(- only in the listing, + only in the build.)\n"
            + "If the change is deliberate and matches the Microsoft Learn reference of Microsoft.Xrm.Sdk, accept it with\n"
            + $"  {UpdateVariable}=1 dotnet test Tests/CrmRelationship.XrmSdk.Tests --filter PublicSurface\n"
            + "and commit the rewritten listing.");
    }

    [Test]
    public void Net462StandIn_HasTheSamePublicSurfaceAsNet10()
    {
        // Arrange
        var net10 = SurfaceOf(TestPaths.StandInNet10);

        // Act
        var net462 = SurfaceOf(TestPaths.StandInNet462);

        // Assert
        Assert.That(Diff(net10, net462), Is.Empty, "- only in net10.0, + only in net462");
    }

    [Test]
    public void Listing_CoversEveryTypeTheProductNeeds()
    {
        // Arrange
        string[] required =
        [
            "Microsoft.Xrm.Sdk.IPlugin", "Microsoft.Xrm.Sdk.IExecutionContext", "Microsoft.Xrm.Sdk.IPluginExecutionContext",
            "Microsoft.Xrm.Sdk.ITracingService", "Microsoft.Xrm.Sdk.IOrganizationServiceFactory", "Microsoft.Xrm.Sdk.IOrganizationService",
            "Microsoft.Xrm.Sdk.Entity", "Microsoft.Xrm.Sdk.DataCollection`2", "Microsoft.Xrm.Sdk.DataCollection`1",
            "Microsoft.Xrm.Sdk.AttributeCollection", "Microsoft.Xrm.Sdk.ParameterCollection", "Microsoft.Xrm.Sdk.EntityImageCollection",
            "Microsoft.Xrm.Sdk.EntityReference", "Microsoft.Xrm.Sdk.OptionSetValue", "Microsoft.Xrm.Sdk.OptionSetValueCollection",
            "Microsoft.Xrm.Sdk.EntityCollection", "Microsoft.Xrm.Sdk.Relationship", "Microsoft.Xrm.Sdk.EntityReferenceCollection",
            "Microsoft.Xrm.Sdk.OrganizationRequest", "Microsoft.Xrm.Sdk.OrganizationResponse",
            "Microsoft.Xrm.Sdk.InvalidPluginExecutionException", "Microsoft.Xrm.Sdk.OperationStatus", "Microsoft.Xrm.Sdk.PluginHttpStatusCode",
            "Microsoft.Xrm.Sdk.Query.QueryBase", "Microsoft.Xrm.Sdk.Query.QueryExpression", "Microsoft.Xrm.Sdk.Query.ColumnSet",
            "Microsoft.Xrm.Sdk.Query.FilterExpression", "Microsoft.Xrm.Sdk.Query.ConditionExpression", "Microsoft.Xrm.Sdk.Query.ConditionOperator",
            "Microsoft.Xrm.Sdk.Query.LogicalOperator", "Microsoft.Xrm.Sdk.Query.OrderExpression", "Microsoft.Xrm.Sdk.Query.OrderType",
            "Microsoft.Xrm.Sdk.Query.PagingInfo", "Microsoft.Xrm.Sdk.Query.FetchExpression",
        ];

        // Act
        var types = SurfaceOf(TestPaths.StandInNet10).Select(l => l.Split(" | ")[0]).Where(n => !n.Contains("::")).ToHashSet();

        // Assert
        Assert.That(required.Where(r => !types.Contains(r)), Is.Empty);
    }

    internal static IReadOnlyList<string> SurfaceOf(string path)
    {
        using var file = new MetadataFile(path);
        return PublicSurface.Lines(file.Reader);
    }

    private static List<string> Diff(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var expectedSet = expected.ToHashSet(StringComparer.Ordinal);
        var actualSet = actual.ToHashSet(StringComparer.Ordinal);
        return expected.Where(l => !actualSet.Contains(l)).Select(l => "- " + l)
            .Concat(actual.Where(l => !expectedSet.Contains(l)).Select(l => "+ " + l))
            .OrderBy(l => l[2..], StringComparer.Ordinal)
            .ToList();
    }
}
