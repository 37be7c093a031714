using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using CrmRelationship.Packaging;
using CrmRelationship.SolutionModel;

namespace CrmRelationship.Solution.Tests.Packing;

/// <summary>
/// Runs the packer as `crmrel pack --no-build` does, on the repository's Solution/src and map.xml, into a
/// temporary folder. The plug-in DLL is the Release net462 build that this test project builds (see its
/// ProjectReference). Web resources are NOT built when the .NET tests run alone, so every mapped web
/// resource is replaced by a small stand-in file through a temporary mapping file whose FileToFile
/// directives come first (earlier directives win); the real bundles are packed by `crmrel pack`.
/// </summary>
internal static class PackRun
{
    public const string WebResourceStandInText = "/* stand-in web resource content written by the pack tests */";

    private static readonly Lazy<PackedSolution> LazyBoth = new(() => Pack("both", [PackageType.Unmanaged, PackageType.Managed]));

    /// <summary>Both zips of one pack, shared by the tests that only read them.</summary>
    public static PackedSolution Both => LazyBoth.Value;

    /// <summary>A new pack into a new folder (for tests that compare two packs or change an input).</summary>
    public static PackedSolution Pack(string name, IReadOnlyList<PackageType> types, Func<PackOptions, PackOptions>? change = null)
    {
        var folder = TempFolder.Create("pack-" + name);
        var options = Options(folder, types);
        return new PackedSolution(SolutionPacker.Pack(change is null ? options : change(options)));
    }

    /// <summary>The repository's options with the stand-in map, writing into <paramref name="folder"/>/out.</summary>
    public static PackOptions Options(string folder, IReadOnlyList<PackageType> types, string? sourceDirectory = null) =>
        PackOptions.ForRepository(RepositoryPaths.Root, Path.Combine(folder, "out"), RepositoryPaths.SchemaLocation) with
        {
            SourceDirectory = sourceDirectory ?? RepositoryPaths.SolutionSource,
            MapFile = StandInMap(folder, sourceDirectory ?? RepositoryPaths.SolutionSource),
            Types = types,
        };

    /// <summary>
    /// Writes a mapping file: a FileToFile to a stand-in for each web resource's content, then the directives of
    /// Solution/map.xml (relative "to" paths made absolute from the real Solution/src, so that a changed copy of
    /// the source reads the same build outputs). Each of <paramref name="replacements"/> comes first and replaces
    /// every other directive for the same "map" path, so that the file is read from there only.
    /// </summary>
    public static string StandInMap(string folder, string sourceDirectory, params XElement[] replacements)
    {
        var standIns = Path.Combine(folder, "webresources");
        var directives = new List<XElement>();
        foreach (var data in Directory.EnumerateFiles(Path.Combine(sourceDirectory, "WebResources"), "*.data.xml", SearchOption.AllDirectories)
                     .Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(sourceDirectory, data).Replace('\\', '/')[..^".data.xml".Length];
            var standIn = Path.Combine(standIns, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(standIn)!);
            File.WriteAllText(standIn, WebResourceStandInText);
            directives.Add(FileToFile(relative, standIn));
        }

        foreach (var directive in XDocument.Load(Path.Combine(RepositoryPaths.SolutionFolder, "map.xml")).Root!.Elements())
        {
            var to = directive.Attribute("to")!;
            if (!Path.IsPathRooted(to.Value))
            {
                to.Value = Path.GetFullPath(Path.Combine(RepositoryPaths.SolutionSource, to.Value.Replace('\\', '/')));
            }

            directives.Add(directive);
        }

        var replaced = replacements.Select(MapOf).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var map = Path.Combine(folder, $"map-{Guid.NewGuid():N}.xml");
        new XDocument(new XElement("Mapping", replacements, directives.Where(d => !replaced.Contains(MapOf(d))))).Save(map);
        return map;
    }

    private static string MapOf(XElement directive) => ((string)directive.Attribute("map")!).Replace('\\', '/');

    public static XElement FileToFile(string map, string to) =>
        new("FileToFile", new XAttribute("map", map.Replace('/', '\\')), new XAttribute("to", to));

    /// <summary>The plug-in assembly the solution registers, as the source names it.</summary>
    public static PluginAssemblyRegistration PluginAssembly => Fixture.Source.PluginAssemblies.Single();

    /// <summary>The source-layout path of the plug-in DLL (the "map" side of Solution/map.xml).</summary>
    public static string PluginDllSourcePath => PluginAssembly.FileName.TrimStart('/');

    /// <summary>The stand-in Microsoft.Xrm.Sdk.dll built beside the plug-in (Release, net462).</summary>
    public static string StandInSdk => Path.Combine(RepositoryPaths.Root, "Plugins", "Microsoft.Xrm.Sdk", "bin", "Release", "net462", "Microsoft.Xrm.Sdk.dll");

    /// <summary>The Release net462 plug-in DLL that Solution/map.xml maps in.</summary>
    public static string PluginDll => Path.Combine(RepositoryPaths.Root, "Plugins", "CrmRelationship.Plugins", "bin", "Release", "net462", "CrmRelationship.Plugins.dll");
}
