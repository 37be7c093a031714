using System.IO;
using System.Xml.Linq;
using CrmRelationship.Packaging;
using CrmRelationship.Packaging.Mapping;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests.Packing;

/// <summary>
/// The mapping file follows SolutionPackager's documented rules: relative paths from the source folder,
/// earlier directives first, "**" for any sub-folder, "*.ext" and "*.*" in FileToPath, Folder prefixes, and
/// a matched file that exists nowhere is reported as missing from where it was looked for first.
/// </summary>
[TestFixture]
public sealed class MapFileTests
{
    private string root = string.Empty;

    private string Source => Path.Combine(root, "src");

    [SetUp]
    public void CreateFolders()
    {
        root = TempFolder.Create("map");
        Directory.CreateDirectory(Source);
        Write("build/bin/Release/net462/Plugin.dll");
        Write("build/web/rel_/scripts/form.js");
        Write("build/web/rel_/html/page.html");
        Write("src/WebResources/rel_/scripts/inplace.js");
    }

    [TestCase("PluginAssemblies\\Plugin-1\\Plugin.dll", "..\\build\\bin\\Release\\net462\\Plugin.dll", "PluginAssemblies/Plugin-1/Plugin.dll", "build/bin/Release/net462/Plugin.dll")]
    [TestCase("Plugin.dll", "..\\build\\bin\\Release\\net462\\Plugin.dll", "PluginAssemblies/Plugin-1/Plugin.dll", "build/bin/Release/net462/Plugin.dll")]
    [TestCase("PluginAssemblies\\**\\Plugin.dll", "..\\build\\bin\\**\\Plugin.dll", "PluginAssemblies/Plugin-1/Plugin.dll", "build/bin/Release/net462/Plugin.dll")]
    public void FileToFile_MatchingFile_IsReadFromTheTarget(string map, string to, string file, string expected)
    {
        var resolved = Load(Directive("FileToFile", map, to)).Resolve(file);

        Assert.That((resolved.IsMapped, resolved.Exists, resolved.FullPath), Is.EqualTo((true, true, Full(expected))));
    }

    [TestCase("WebResources\\**\\*.js", "..\\build\\web\\**", "WebResources/rel_/scripts/form.js", "build/web/rel_/scripts/form.js")]
    [TestCase("WebResources\\**\\*.*", "..\\build\\web\\**", "WebResources/rel_/html/page.html", "build/web/rel_/html/page.html")]
    public void FileToPath_WildcardName_IsReadFromTheSameSubFolderOfTheTarget(string map, string to, string file, string expected)
    {
        var resolved = Load(Directive("FileToPath", map, to)).Resolve(file);

        Assert.That((resolved.Exists, resolved.FullPath), Is.EqualTo((true, Full(expected))));
    }

    [Test]
    public void FileToPath_OtherExtension_DoesNotMatch()
    {
        var resolved = Load(Directive("FileToPath", "WebResources\\**\\*.js", "..\\build\\web\\**")).Resolve("WebResources/rel_/html/page.html");

        Assert.That(resolved.IsMapped, Is.False);
    }

    [Test]
    public void Folder_Prefix_IsSwitchedToTheTargetFolder()
    {
        var resolved = Load(Directive("Folder", "WebResources", "..\\build\\web")).Resolve("WebResources/rel_/scripts/form.js");

        Assert.That(resolved.FullPath, Is.EqualTo(Full("build/web/rel_/scripts/form.js")));
    }

    [Test]
    public void Directives_BothMatching_TheEarlierExistingOneWins()
    {
        var map = Load(
            Directive("FileToFile", "form.js", "..\\nowhere\\form.js"),
            Directive("FileToFile", "WebResources\\rel_\\scripts\\form.js", "..\\build\\web\\rel_\\scripts\\form.js"));

        Assert.That(map.Resolve("WebResources/rel_/scripts/form.js").FullPath, Is.EqualTo(Full("build/web/rel_/scripts/form.js")));
    }

    [Test]
    public void Directives_NoneExisting_ReportsTheFirstPlaceLooked()
    {
        var resolved = Load(Directive("FileToFile", "form.js", "..\\nowhere\\form.js")).Resolve("WebResources/rel_/scripts/form.js");

        Assert.That((resolved.IsMapped, resolved.Exists, resolved.FullPath), Is.EqualTo((true, false, Full("nowhere/form.js"))));
    }

    [Test]
    public void Unmapped_File_IsReadFromTheSourceFolder()
    {
        var resolved = Load(Directive("FileToFile", "other.js", "..\\build\\other.js")).Resolve("WebResources/rel_/scripts/inplace.js");

        Assert.That((resolved.IsMapped, resolved.Exists, resolved.FullPath), Is.EqualTo((false, true, Full("src/WebResources/rel_/scripts/inplace.js"))));
    }

    [Test]
    public void Load_UnknownDirective_IsRefusedWithOneSentence()
    {
        var error = Assert.Throws<PackException>(() => Load(Directive("FileToFolder", "a.dll", "b")))!;

        Assert.That(error.Message, Does.Contain("has an unknown directive <FileToFolder>: use Folder, FileToFile or FileToPath."));
    }

    private MapFile Load(params XElement[] directives)
    {
        var path = Path.Combine(root, "map.xml");
        new XDocument(new XElement("Mapping", directives)).Save(path);
        return MapFile.Load(path, Source);
    }

    private static XElement Directive(string kind, string map, string to) => new(kind, new XAttribute("map", map), new XAttribute("to", to));

    private void Write(string relative)
    {
        var path = Full(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, relative);
    }

    private string Full(string relative) => Path.GetFullPath(Path.Combine(root, relative));
}
