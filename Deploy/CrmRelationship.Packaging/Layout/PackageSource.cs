using System;
using System.Collections.Generic;
using System.Linq;
using CrmRelationship.SolutionModel;

namespace CrmRelationship.Packaging.Layout;

/// <summary>
/// The source files one package type is built from. SolutionPackager writes a <c>_managed</c> twin for the
/// files whose managed export differs (forms, site maps, app modules): the managed zip uses the twin in
/// place of its unmanaged file, the unmanaged zip ignores twins.
/// </summary>
public sealed class PackageSource
{
    private const string TwinSuffix = "_managed.xml";

    private PackageSource(IReadOnlyList<SelectedFile> files, IReadOnlyList<string> managedVariants)
    {
        Files = files;
        ManagedVariants = managedVariants;
    }

    /// <summary>Ordered by <see cref="SelectedFile.LogicalPath"/>.</summary>
    public IReadOnlyList<SelectedFile> Files { get; }

    /// <summary>The twin files used (managed package only), relative to the source folder.</summary>
    public IReadOnlyList<string> ManagedVariants { get; }

    public static PackageSource Select(IEnumerable<SourceFile> files, PackageType type)
    {
        ArgumentNullException.ThrowIfNull(files);
        var all = files.ToList();
        var twins = all.Where(f => f.IsManagedTwin).ToDictionary(f => UnmanagedName(f.RelativePath), StringComparer.Ordinal);
        var selected = new List<SelectedFile>();
        foreach (var file in all.Where(f => !f.IsManagedTwin))
        {
            var useTwin = type == PackageType.Managed && twins.ContainsKey(file.RelativePath);
            selected.Add(new SelectedFile(file.RelativePath, useTwin ? twins[file.RelativePath] : file));
        }

        // A managed-only file (a twin without an unmanaged file) exists only in the managed package.
        if (type == PackageType.Managed)
        {
            selected.AddRange(twins.Where(t => all.All(f => f.RelativePath != t.Key)).Select(t => new SelectedFile(t.Key, t.Value)));
        }

        var ordered = selected.OrderBy(f => f.LogicalPath, StringComparer.Ordinal).ToList();
        var variants = ordered.Where(f => f.File.RelativePath != f.LogicalPath).Select(f => f.File.RelativePath).ToList();
        return new PackageSource(ordered, variants);
    }

    private static string UnmanagedName(string twin) => twin[..^TwinSuffix.Length] + ".xml";
}

/// <summary>A source file chosen for a package, under the name of its unmanaged file.</summary>
/// <param name="LogicalPath">The unmanaged file's path relative to the source folder (forward slashes).</param>
/// <param name="File">The file actually read: the unmanaged file, or its <c>_managed</c> twin.</param>
public sealed record SelectedFile(string LogicalPath, SourceFile File)
{
    public IReadOnlyList<string> Parts => LogicalPath.Split('/');

    public string Top => Parts[0];
}
