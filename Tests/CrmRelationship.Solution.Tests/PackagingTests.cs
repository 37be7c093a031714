using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using CrmRelationship.SolutionModel;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests;

/// <summary>
/// What SolutionPackager / pac needs beyond the schemas: the manifest's shape (solution.xml has no published
/// schema), the residual customizations.xml, and the map file that brings the plug-in DLL in from the build.
/// </summary>
[TestFixture]
public sealed class PackagingTests
{
    [Test]
    public void Manifest_VersionAndPackageType_Are1000AndBoth()
    {
        var m = Fixture.Source.Manifest;

        Assert.That((m.Version, m.Managed), Is.EqualTo(("1.0.0.0", 2)));
    }

    [Test]
    public void Manifest_Root_IsImportExportXmlWithOneSolutionManifest()
    {
        var root = XDocument.Load(Path.Combine(RepositoryPaths.SolutionSource, "Other", "Solution.xml")).Root!;

        Assert.That(
            (root.Name.LocalName, root.Elements().Select(e => e.Name.LocalName).ToList()),
            Is.EqualTo(("ImportExportXml", new[] { "SolutionManifest" }.ToList())));
    }

    [Test]
    public void Manifest_Children_FollowTheExportOrder()
    {
        var manifest = XDocument.Load(Path.Combine(RepositoryPaths.SolutionSource, "Other", "Solution.xml")).Root!.Element("SolutionManifest")!;

        Assert.That(manifest.Elements().Select(e => e.Name.LocalName), Is.EqualTo(new[]
        {
            "UniqueName", "LocalizedNames", "Descriptions", "Version", "Managed", "Publisher", "RootComponents", "MissingDependencies",
        }));
    }

    [Test]
    public void Customizations_Residual_HoldsNoComponentsOnlyTheLanguage()
    {
        var root = XDocument.Load(Path.Combine(RepositoryPaths.SolutionSource, "Other", "Customizations.xml")).Root!;
        var filled = root.Elements().Where(e => e.HasElements && e.Name.LocalName != "Languages").Select(e => e.Name.LocalName);

        Assert.That((filled.Any(), root.Element("Languages")?.Value), Is.EqualTo((false, "1033")));
    }

    [Test]
    public void MapFile_PluginDll_ComesFromTheReleaseBuildOfThePluginProject()
    {
        var mapping = XDocument.Load(Path.Combine(RepositoryPaths.SolutionFolder, "map.xml")).Root!;
        var assembly = Fixture.Source.PluginAssemblies.Single();
        var entry = mapping.Elements("FileToFile").Single();

        var map = entry.Attribute("map")!.Value.Replace('\\', '/');
        var to = Path.GetFullPath(Path.Combine(RepositoryPaths.SolutionSource, entry.Attribute("to")!.Value.Replace('\\', '/')));

        Assert.That(
            (mapping.Name.LocalName, map, to),
            Is.EqualTo(("Mapping", $"{assembly.Folder}/CrmRelationship.Plugins.dll",
                Path.Combine(RepositoryPaths.Root, "Plugins", "CrmRelationship.Plugins", "bin", "Release", "net462", "CrmRelationship.Plugins.dll"))));
    }

    [Test]
    public void PluginAssemblyFolder_DataXmlOnly_TheDllIsMappedIn()
    {
        var folder = Path.Combine(RepositoryPaths.SolutionSource, Fixture.Source.PluginAssemblies.Single().Folder);

        Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName), Is.EqualTo(new[] { "CrmRelationship.Plugins.dll.data.xml" }));
    }

    [TestCase(SourceFileKind.Form)]
    [TestCase(SourceFileKind.View)]
    [TestCase(SourceFileKind.Chart)]
    [TestCase(SourceFileKind.Step)]
    public void FileNamedByAnId_UsesBracedLowerCaseGuid(SourceFileKind kind)
    {
        var names = Fixture.Source.Files.Where(f => f.Kind == kind).Select(f => f.FileName.Replace("_managed", "", StringComparison.Ordinal));

        Assert.That(names, Is.All.Matches("^\\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\}\\.xml$"));
    }
}
