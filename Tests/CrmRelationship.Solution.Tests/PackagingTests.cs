using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using CrmRelationship.SolutionModel;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests;

/// <summary>
/// What SolutionPackager / pac needs beyond the schemas: the manifest's shape (solution.xml has no published
/// schema), the residual customizations.xml, the web resources' packed file names, and the map file that
/// brings the plug-in DLL and the bundled web resources in from the builds.
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
        var entry = mapping.Elements("FileToFile").Single(e => e.Attribute("map")!.Value.StartsWith("PluginAssemblies", StringComparison.Ordinal));

        var map = entry.Attribute("map")!.Value.Replace('\\', '/');
        var to = Path.GetFullPath(Path.Combine(RepositoryPaths.SolutionSource, entry.Attribute("to")!.Value.Replace('\\', '/')));

        Assert.That(
            (mapping.Name.LocalName, map, to),
            Is.EqualTo(("Mapping", $"{assembly.Folder}/CrmRelationship.Plugins.dll",
                Path.Combine(RepositoryPaths.Root, "Plugins", "CrmRelationship.Plugins", "bin", "Release", "net462", "CrmRelationship.Plugins.dll"))));
    }

    [Test]
    public void MapFile_WebResources_EachComesFromTheWebResourcesBuild()
    {
        var entries = XDocument.Load(Path.Combine(RepositoryPaths.SolutionFolder, "map.xml")).Root!.Elements("FileToFile")
            .Where(e => e.Attribute("map")!.Value.StartsWith("WebResources", StringComparison.Ordinal))
            .Select(e => (
                Map: e.Attribute("map")!.Value.Replace('\\', '/'),
                To: Path.GetFullPath(Path.Combine(RepositoryPaths.SolutionSource, e.Attribute("to")!.Value.Replace('\\', '/')))));
        var expected = Fixture.Source.WebResources.Select(w => (
            Map: w.ContentPath,
            To: Path.Combine(RepositoryPaths.Root, "WebResources", "dist", w.Name)));

        Assert.That(entries, Is.EquivalentTo(expected));
    }

    [Test]
    public void WebResource_DataFile_SitsAtItsNameUnderWebResources()
    {
        var misplaced = Fixture.Source.WebResources.Where(w => w.RelativePath != $"WebResources/{w.Name}.data.xml").Select(w => w.RelativePath);

        Assert.That(misplaced, Is.Empty);
    }

    [Test]
    public void WebResource_FileName_IsThePackedNameWithoutSeparatorsAndTheUpperCaseId()
    {
        // As pac writes it: rel_/scripts/contactform.js with id d03796fe-… is packed at
        // /WebResources/rel_scriptscontactformjsD03796FE-… (as in the pac-cloned source of
        // scottdurow/power-platform-pro-dev-workshop, 2025).
        var wrong = Fixture.Source.WebResources
            .Where(w => w.FileName != "/WebResources/" + w.Name.Replace("/", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal) + w.Id.ToString().ToUpperInvariant())
            .Select(w => w.Name);

        Assert.That(wrong, Is.Empty);
    }

    [TestCase(".js", WebResourceDefinition.JScript)]
    [TestCase(".html", WebResourceDefinition.Html)]
    public void WebResource_Type_FollowsItsExtension(string extension, int type)
    {
        var named = Fixture.Source.WebResources.Where(w => w.Name.EndsWith(extension, StringComparison.Ordinal)).ToList();

        Assert.That((named.Count > 0, named.Select(w => w.Type).Distinct()), Is.EqualTo((true, new[] { type }.AsEnumerable())));
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
