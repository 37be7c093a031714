using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace CrmRelationship.Packaging.Mapping;

/// <summary>
/// A SolutionPackager mapping file (/map): Folder, FileToFile and FileToPath directives that make the
/// packer read built files (the plug-in DLL, bundled web resources) from their build output instead of
/// the source folder. Semantics follow the SolutionPackager documentation: relative paths are read from
/// the source folder, earlier directives take precedence, <c>**</c> means "in any sub-folder", file name
/// wildcards are <c>*.ext</c> and <c>*.*</c> (FileToPath only), and a matched file must be found.
/// </summary>
public sealed class MapFile
{
    private readonly IReadOnlyList<MapDirective> directives;

    private MapFile(string? path, string sourceDirectory, IReadOnlyList<MapDirective> directives)
    {
        Path = path;
        SourceDirectory = sourceDirectory;
        this.directives = directives;
    }

    /// <summary>The mapping file, or null when packing without one.</summary>
    public string? Path { get; }

    public string SourceDirectory { get; }

    public IReadOnlyList<MapDirective> Directives => this.directives;

    public static MapFile None(string sourceDirectory) => new(null, System.IO.Path.GetFullPath(sourceDirectory), []);

    /// <summary>Reads the directives of a mapping file.</summary>
    /// <exception cref="PackException">The file is missing, is not XML or holds an unknown directive.</exception>
    public static MapFile Load(string path, string sourceDirectory)
    {
        if (!File.Exists(path))
        {
            throw new PackException($"The mapping file {path} does not exist: restore it or pack without one.");
        }

        XElement root;
        try
        {
            root = XDocument.Load(path).Root ?? throw new PackException($"The mapping file {path} is empty.");
        }
        catch (XmlException ex)
        {
            throw new PackException(SolutionModel.XmlSyntax.Describe(path, ex), ex);
        }

        if (root.Name.LocalName != "Mapping")
        {
            throw new PackException($"The mapping file {path} has root <{root.Name.LocalName}> instead of <Mapping>.");
        }

        var directives = root.Elements().Select(e => MapDirective.Parse(e, path)).ToList();
        return new MapFile(System.IO.Path.GetFullPath(path), System.IO.Path.GetFullPath(sourceDirectory), directives);
    }

    /// <summary>
    /// Where the file the source layout names <paramref name="relativePath"/> (forward slashes, relative to
    /// the source folder) is read from: the first existing alternative of the first directives that match it,
    /// or the file in the source folder when no directive matches.
    /// </summary>
    public MappedFile Resolve(string relativePath)
    {
        var candidates = this.directives
            .Select(d => d.Candidate(relativePath, SourceDirectory))
            .Where(c => c is not null)
            .Select(c => c!)
            .ToList();
        if (candidates.Count == 0)
        {
            var inSource = System.IO.Path.GetFullPath(System.IO.Path.Combine(SourceDirectory, relativePath));
            return new MappedFile(relativePath, inSource, IsMapped: false, File.Exists(inSource));
        }

        var found = candidates.FirstOrDefault(File.Exists);
        return new MappedFile(relativePath, found ?? candidates[0], IsMapped: true, found is not null);
    }
}

/// <summary>Where one source-layout file is read from.</summary>
/// <param name="FullPath">The file to read; when <paramref name="Exists"/> is false, the first place it was looked for.</param>
public sealed record MappedFile(string RelativePath, string FullPath, bool IsMapped, bool Exists);
