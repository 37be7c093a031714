using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using CrmRelationship.Packaging;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests.Packing;

/// <summary>
/// Packing twice gives the same bytes, and the managed zip differs from the unmanaged one exactly where a
/// Dataverse export does for this solution: solution.xml's Managed flag, plus the <c>_managed</c> twins of
/// forms, app module and site map in place of their unmanaged files (identical in content here, so
/// customizations.xml is the same in both).
/// </summary>
[TestFixture]
public sealed class DeterminismAndDifferenceTests
{
    [Test]
    public void Pack_TwiceFromTheSameInputs_GivesByteIdenticalZips()
    {
        var first = PackRun.Pack("first", [PackageType.Unmanaged, PackageType.Managed]);
        var second = PackRun.Pack("second", [PackageType.Unmanaged, PackageType.Managed]);

        Assert.That(
            first.Zips.Select(z => z.Bytes).ToList(),
            Is.EqualTo(second.Zips.Select(z => z.Bytes).ToList()));
    }

    [Test]
    public void ManagedAndUnmanaged_Entries_HaveTheSameNamesInTheSameOrder()
    {
        Assert.That(PackRun.Both[PackageType.Managed].Names, Is.EqualTo(PackRun.Both[PackageType.Unmanaged].Names));
    }

    [Test]
    public void ManagedAndUnmanaged_EntriesWithDifferentContent_AreOnlySolutionXml()
    {
        var unmanaged = PackRun.Both[PackageType.Unmanaged];
        var managed = PackRun.Both[PackageType.Managed];

        var differing = unmanaged.Names.Where(n => !unmanaged.Content(n).AsSpan().SequenceEqual(managed.Content(n)));

        Assert.That(differing, Is.EqualTo(new[] { "solution.xml" }));
    }

    [Test]
    public void ManagedAndUnmanaged_SolutionXml_DiffersOnlyInTheManagedFlag()
    {
        var unmanaged = Leaves(PackRun.Both[PackageType.Unmanaged].Xml("solution.xml"));
        var managed = Leaves(PackRun.Both[PackageType.Managed].Xml("solution.xml"));

        var differing = unmanaged.Keys.Union(managed.Keys)
            .Where(k => unmanaged.GetValueOrDefault(k) != managed.GetValueOrDefault(k))
            .Select(k => (k, unmanaged.GetValueOrDefault(k), managed.GetValueOrDefault(k)));

        Assert.That(differing, Is.EqualTo(new[] { ("/ImportExportXml[1]/SolutionManifest[1]/Managed[1]", (string?)"0", (string?)"1") }));
    }

    [Test]
    public void ManagedZip_ManagedVariants_AreEveryTwinInTheSource()
    {
        var twins = Fixture.Source.Files.Where(f => f.IsManagedTwin).Select(f => f.RelativePath);
        var used = PackRun.Both.Result.Zips.ToDictionary(z => z.Type, z => z.ManagedVariants);

        Assert.That((used[PackageType.Unmanaged], used[PackageType.Managed]), Is.EqualTo((Array.Empty<string>(), twins.ToList())));
    }

    // Every element with text and every attribute, keyed by its position path.
    private static Dictionary<string, string?> Leaves(XElement root)
    {
        var leaves = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var element in root.DescendantsAndSelf())
        {
            var path = string.Concat(element.AncestorsAndSelf().Reverse().Select(e =>
                $"/{e.Name.LocalName}[{(e.Parent?.Elements(e.Name).TakeWhile(s => s != e).Count() ?? 0) + 1}]"));
            if (!element.HasElements)
            {
                leaves[path] = element.Value;
            }

            foreach (var attribute in element.Attributes())
            {
                leaves[path + "/@" + attribute.Name] = attribute.Value;
            }
        }

        return leaves;
    }
}
