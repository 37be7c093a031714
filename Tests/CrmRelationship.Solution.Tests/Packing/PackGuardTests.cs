using System;
using System.IO;
using System.Linq;
using CrmRelationship.Packaging;
using CrmRelationship.SolutionModel;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests.Packing;

/// <summary>
/// What stops a pack, each with one sentence: the SDK stand-in (by its marker, under any name), another
/// assembly than the registered plug-in, a missing build output, a missing schemas folder, generated XML
/// the schemas reject (with line and source file), and a file that has no place in a packed solution.
/// </summary>
[TestFixture]
public sealed class PackGuardTests
{
    [Test]
    public void Pack_PluginDllMappedToTheSdkStandIn_IsRefused()
    {
        var error = PackWithPluginDll("standin", PackRun.StandInSdk);

        Assert.That(error, Does.StartWith("Refusing to pack").And.Contain("CrmRelationship.CompileTimeStandIn"));
    }

    [Test]
    public void Pack_StandInCopiedUnderThePluginsName_IsRefusedByItsMarker()
    {
        var disguised = Path.Combine(TempFolder.Create("disguised"), "CrmRelationship.Plugins.dll");
        File.Copy(PackRun.StandInSdk, disguised);

        var error = PackWithPluginDll("disguised", disguised);

        Assert.That(error, Does.StartWith("Refusing to pack").And.Contain("marker of the Microsoft.Xrm.Sdk compile-time stand-in"));
    }

    [Test]
    public void Pack_AnotherAssemblyMappedAsThePlugin_IsRefusedForItsIdentity()
    {
        var other = typeof(SolutionPacker).Assembly.Location;

        var error = PackWithPluginDll("identity", other);

        Assert.That(error, Does.Contain("CrmRelationship.Packaging, Version=").And.Contain("but the solution registers " + PackRun.PluginAssembly.Identity));
    }

    [Test]
    public void Pack_MissingPluginBuild_StopsWithTheOneSentenceBuildCommand()
    {
        var folder = TempFolder.Create("missing");
        var missing = Path.Combine(RepositoryPaths.Root, "Plugins", "CrmRelationship.Plugins", "bin", "Release", "net462", "CrmRelationship.Plugins.NotBuilt.dll");
        var map = PackRun.StandInMap(folder, RepositoryPaths.SolutionSource, PackRun.FileToFile(PackRun.PluginDllSourcePath, missing));

        var error = PackError(PackRun.Options(folder, [PackageType.Unmanaged]) with { MapFile = map });

        Assert.That(error, Is.EqualTo(
            "Build the plug-in assembly first: dotnet build Plugins/CrmRelationship.Plugins -c Release -f net462 "
            + $"({map} maps {PackRun.PluginDllSourcePath} to Plugins/CrmRelationship.Plugins/bin/Release/net462/CrmRelationship.Plugins.NotBuilt.dll, which does not exist)."));
    }

    [Test]
    public void Pack_MissingWebResourceBuild_AsksForTheWebResourceBuild()
    {
        var data = Fixture.Source.Files.FirstOrDefault(f => f.RelativePath.StartsWith("WebResources/", StringComparison.Ordinal));
        if (data is null)
        {
            Assert.Ignore("The solution has no web resources.");
        }

        var folder = TempFolder.Create("missing-web");
        var content = data!.RelativePath[..^".data.xml".Length];
        var missing = Path.Combine(RepositoryPaths.Root, "WebResources", "dist", "not-built", "file.js");
        var map = PackRun.StandInMap(folder, RepositoryPaths.SolutionSource, PackRun.FileToFile(content, missing));

        var error = PackError(PackRun.Options(folder, [PackageType.Unmanaged]) with { MapFile = map });

        Assert.That(error, Does.StartWith("Build the web resources first: cd WebResources && npm ci && npm run bundle (")
            .And.EndWith("WebResources/dist/not-built/file.js, which does not exist)."));
    }

    [Test]
    public void Pack_SchemasFolderMissing_SaysWhereItLookedAndHowToPointAtIt()
    {
        var folder = TempFolder.Create("schemas");
        var nowhere = Path.Combine(folder, "no-schemas-here");

        var error = PackError(PackRun.Options(folder, [PackageType.Unmanaged]) with { SchemaDirectory = nowhere });

        Assert.That(error, Is.EqualTo($"No schemas folder at {nowhere}: {SchemaLocation.HowToTurnOn}."));
    }

    [Test]
    public void Pack_ViewWithABadFetchOperator_StopsWithLineAndSourceFile()
    {
        Fixture.RequireSchemas();
        var source = TempFolder.CopyOfSource("bad-view");
        var view = Directory.EnumerateFiles(Path.Combine(source, "Entities"), "*.xml", SearchOption.AllDirectories)
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}SavedQueries{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).First();
        File.WriteAllText(view, File.ReadAllText(view).Replace("operator=\"", "operator=\"not-an-operator-", StringComparison.Ordinal));
        var folder = Path.GetDirectoryName(source)!;

        var error = PackError(PackRun.Options(folder, [PackageType.Unmanaged], source));

        Assert.That(error, Does.Match(@"^The unmanaged customizations\.xml \(written to .*\.rejected-customizations\.xml\) breaks Microsoft's schema at line \d+, column \d+ \(from .*SavedQueries/\{[0-9a-f-]+\}\.xml\): .*not-an-operator-.*\.$"));
    }

    [Test]
    public void Pack_StrayFileInTheSource_IsRefusedByName()
    {
        var source = TempFolder.CopyOfSource("stray");
        File.WriteAllText(Path.Combine(source, "Entities", "Contact", "notes.txt"), "stray");
        var folder = Path.GetDirectoryName(source)!;

        var error = PackError(PackRun.Options(folder, [PackageType.Unmanaged], source));

        Assert.That(error, Does.Contain("Entities/Contact/notes.txt has no place in a packed solution"));
    }

    [Test]
    public void Pack_ColumnWithAMinValueThatIsNotANumber_NamesTheFileAndTheValue()
    {
        var source = TempFolder.CopyOfSource("bad-number");
        var entity = Path.Combine(source, "Entities", "Contact", "Entity.xml");
        var text = File.ReadAllText(entity);
        var first = text.IndexOf("<MinValue>", StringComparison.Ordinal);
        File.WriteAllText(entity, text[..first] + "<MinValue>one</MinValue>" + text[(text.IndexOf("</MinValue>", first, StringComparison.Ordinal) + "</MinValue>".Length)..]);
        var folder = Path.GetDirectoryName(source)!;

        var error = PackError(PackRun.Options(folder, [PackageType.Unmanaged], source));

        Assert.That(error, Does.Contain("Entities/Contact/Entity.xml: MinValue 'one' is not a number"));
    }

    private static string PackWithPluginDll(string name, string dll)
    {
        var folder = TempFolder.Create(name);
        var map = PackRun.StandInMap(folder, RepositoryPaths.SolutionSource, PackRun.FileToFile(PackRun.PluginDllSourcePath, dll));
        return PackError(PackRun.Options(folder, [PackageType.Unmanaged, PackageType.Managed]) with { MapFile = map });
    }

    private static string PackError(PackOptions options)
    {
        var error = Assert.Throws<PackException>(() => SolutionPacker.Pack(options))!;
        Assert.That(Directory.Exists(options.OutputDirectory) ? Directory.GetFiles(options.OutputDirectory, "*.zip") : [], Is.Empty, "no zip is written");
        return error.Message;
    }
}
