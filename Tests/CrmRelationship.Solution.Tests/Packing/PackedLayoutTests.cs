using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CrmRelationship.Packaging;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests.Packing;

/// <summary>
/// The zips have the layout of a Dataverse export (sdk-solution-webapi.md §3.2): the three root files first,
/// exact lower-case names, forward slashes, no directory entries, Deflate, [Content_Types].xml with a BOM and
/// one Default per extension and one Override per extension-less part, component files where their FileName says.
/// </summary>
[TestFixture]
public sealed class PackedLayoutTests
{
    private static readonly PackageType[] Types = [PackageType.Unmanaged, PackageType.Managed];

    [TestCase(PackageType.Unmanaged, "")]
    [TestCase(PackageType.Managed, "_managed")]
    public void ZipFileName_ComparedWithTheManifest_IsUniqueNameAndVersionWithUnderscores(PackageType type, string suffix)
    {
        var manifest = Fixture.Source.Manifest;
        var zip = PackRun.Both.Result.Zips.Single(z => z.Type == type);

        Assert.That(Path.GetFileName(zip.Path), Is.EqualTo($"{manifest.UniqueName}_{manifest.Version.Replace('.', '_')}{suffix}.zip"));
    }

    [TestCaseSource(nameof(Types))]
    public void ZipEntries_FirstThree_AreTheRootFilesOfAnExport(PackageType type)
    {
        Assert.That(PackRun.Both[type].Names.Take(3), Is.EqualTo(new[] { "customizations.xml", "solution.xml", "[Content_Types].xml" }));
    }

    [TestCaseSource(nameof(Types))]
    public void ZipEntries_Names_AreFilesWithForwardSlashesAndNoDirectoryEntries(PackageType type)
    {
        var names = PackRun.Both[type].Names;

        Assert.That(names.Where(n => n.Contains('\\', StringComparison.Ordinal) || n.EndsWith('/') || n.StartsWith('/')), Is.Empty);
    }

    [TestCaseSource(nameof(Types))]
    public void ZipEntries_ComponentFiles_AreInOrdinalOrderAfterTheRootFiles(PackageType type)
    {
        var components = PackRun.Both[type].Names.Skip(3).ToList();

        Assert.That(components, Is.EqualTo(components.Order(StringComparer.Ordinal)));
    }

    [TestCaseSource(nameof(Types))]
    public void ZipEntries_CompressionAndTimestamp_AreDeflateAndTheFixedTime(PackageType type)
    {
        var zip = PackRun.Both[type];
        var methods = ZipCentralDirectory.CompressionMethods(zip.Bytes);
        var times = zip.Entries.Select(e => e.LastWriteTime.DateTime).Distinct();

        Assert.That((methods.Distinct(), times), Is.EqualTo((new ushort[] { 8 }, new[] { new DateTime(1980, 1, 1) })));
    }

    [TestCaseSource(nameof(Types))]
    public void ContentTypes_Encoding_IsUtf8WithBomAndDeclaration(PackageType type)
    {
        var bytes = PackRun.Both[type].Content("[Content_Types].xml");
        var text = Encoding.UTF8.GetString(bytes.AsSpan(3));

        Assert.That((bytes.Take(3), text.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">", StringComparison.Ordinal)),
            Is.EqualTo((new byte[] { 0xEF, 0xBB, 0xBF }, true)));
    }

    [TestCaseSource(nameof(Types))]
    public void ContentTypes_Defaults_AreOnePerExtensionPresentXmlFirst(PackageType type)
    {
        var zip = PackRun.Both[type];
        var expected = zip.Names.Where(n => n != "[Content_Types].xml").Select(Extension).Where(e => e.Length > 0).Distinct()
            .OrderBy(e => e == "xml" ? 0 : 1).ThenBy(e => e, StringComparer.Ordinal);
        var defaults = zip.Xml("[Content_Types].xml").Elements().Where(e => e.Name.LocalName == "Default");

        Assert.That(defaults.Select(d => (string)d.Attribute("Extension")!), Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(Types))]
    public void ContentTypes_Overrides_AreOnePerPartWithoutExtension(PackageType type)
    {
        var zip = PackRun.Both[type];
        var expected = zip.Names.Where(n => Extension(n).Length == 0).Select(n => "/" + n);
        var overrides = zip.Xml("[Content_Types].xml").Elements().Where(e => e.Name.LocalName == "Override");

        Assert.That(overrides.Select(o => (string)o.Attribute("PartName")!), Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(Types))]
    public void ContentTypes_EveryType_IsOctetStream(PackageType type)
    {
        var types = PackRun.Both[type].Xml("[Content_Types].xml").Elements().Select(e => (string)e.Attribute("ContentType")!).Distinct();

        Assert.That(types, Is.EqualTo(new[] { "application/octet-stream" }));
    }

    [TestCase("solution.xml")]
    [TestCase("customizations.xml")]
    public void RootXml_FirstBytes_AreTheRootElementWithoutBomOrDeclaration(string entry)
    {
        var starts = PackRun.Both.Zips.Select(z => Encoding.UTF8.GetString(z.Content(entry), 0, 16)).Distinct();

        Assert.That(starts, Is.EqualTo(new[] { "<ImportExportXml" }));
    }

    [TestCaseSource(nameof(Types))]
    public void PluginAssembly_Entry_IsStoredAtItsRegisteredFileName(PackageType type)
    {
        Assert.That(PackRun.Both[type].Names, Does.Contain(PackRun.PluginDllSourcePath));
    }

    [TestCaseSource(nameof(Types))]
    public void WebResources_Entries_AreStoredAtTheirFileNamesWithTheMappedContent(PackageType type)
    {
        var zip = PackRun.Both[type];
        var expected = Fixture.Source.Files.Where(f => f.RelativePath.StartsWith("WebResources/", StringComparison.Ordinal) && f.RelativePath.EndsWith(".data.xml", StringComparison.Ordinal))
            .Select(f => System.Xml.Linq.XDocument.Load(f.FullPath).Root!.Element("FileName")!.Value.TrimStart('/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var stored = zip.Names.Where(n => n.StartsWith("WebResources/", StringComparison.Ordinal)).ToList();

        Assert.That(
            (stored, stored.Select(zip.Text).Distinct().ToList()),
            Is.EqualTo((expected, expected.Count == 0 ? new List<string>() : [PackRun.WebResourceStandInText])));
    }

    [TestCaseSource(nameof(Types))]
    public void CustomApis_Files_TravelBesideCustomizationsAsInTheSource(PackageType type)
    {
        var expected = Fixture.Source.Files.Where(f => f.RelativePath.StartsWith("customapis/", StringComparison.Ordinal)).Select(f => f.RelativePath);

        Assert.That(PackRun.Both[type].Names.Where(n => n.StartsWith("customapis/", StringComparison.Ordinal)), Is.EqualTo(expected));
    }

    private static string Extension(string name)
    {
        var extension = Path.GetExtension(name.Split('/')[^1]);
        return extension.Length <= 1 ? string.Empty : extension[1..].ToLowerInvariant();
    }
}
