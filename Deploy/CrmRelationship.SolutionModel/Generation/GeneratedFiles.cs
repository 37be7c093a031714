using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace CrmRelationship.SolutionModel.Generation;

/// <summary>
/// The generated files on disk: which differ from a fresh generation, and writing only those (UTF-8 without BOM,
/// byte for byte), so an unchanged file keeps its timestamp and a run that changes nothing writes nothing.
/// A file left in a generated folder that generation no longer writes counts as stale and is removed.
/// </summary>
public static class GeneratedFiles
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Relative paths of the files that are missing, differ, or are no longer generated; ordinal order.</summary>
    public static IReadOnlyList<string> Stale(string repositoryRoot, IReadOnlyList<GeneratedFile> files)
    {
        var (changed, leftover) = Compare(repositoryRoot, files);
        return changed.Select(f => f.RelativePath).Concat(leftover).OrderBy(p => p, StringComparer.Ordinal).ToList();
    }

    /// <summary>Writes the files that differ and, when <paramref name="removeLeftovers"/>, removes the leftovers.</summary>
    /// <param name="removeLeftovers">False when generation was incomplete: a file it could not write is not a leftover.</param>
    public static GenerationResult Write(string repositoryRoot, IReadOnlyList<GeneratedFile> files, bool removeLeftovers = true)
    {
        var (changed, found) = Compare(repositoryRoot, files);
        var leftover = removeLeftovers ? found : new List<string>();
        foreach (var file in changed)
        {
            var path = FullPath(repositoryRoot, file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, Utf8.GetBytes(file.Content));
        }

        foreach (var path in leftover)
        {
            File.Delete(FullPath(repositoryRoot, path));
        }

        return new GenerationResult(files.Count, changed.Select(f => f.RelativePath).ToList(), leftover);
    }

    private static (List<GeneratedFile> Changed, List<string> Leftover) Compare(string repositoryRoot, IReadOnlyList<GeneratedFile> files)
    {
        if (repositoryRoot is null)
        {
            throw new ArgumentNullException(nameof(repositoryRoot));
        }

        if (files is null)
        {
            throw new ArgumentNullException(nameof(files));
        }

        var changed = files.Where(f => !SameBytes(FullPath(repositoryRoot, f.RelativePath), Utf8.GetBytes(f.Content))).ToList();
        var generated = new HashSet<string>(files.Select(f => f.RelativePath), StringComparer.Ordinal);
        var leftover = files.Select(f => f.RelativePath.Substring(0, f.RelativePath.LastIndexOf('/')))
            .Distinct(StringComparer.Ordinal)
            .Where(folder => Directory.Exists(FullPath(repositoryRoot, folder)))
            .SelectMany(folder => Directory.GetFiles(FullPath(repositoryRoot, folder))
                .Select(path => folder + "/" + Path.GetFileName(path)))
            .Where(path => !generated.Contains(path))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();
        return (changed, leftover);
    }

    private static bool SameBytes(string path, byte[] expected) =>
        File.Exists(path) && File.ReadAllBytes(path).SequenceEqual(expected);

    private static string FullPath(string repositoryRoot, string relativePath) =>
        Path.Combine(repositoryRoot, relativePath.Replace('/', Path.DirectorySeparatorChar));
}

/// <summary>What one run of the generator changed on disk.</summary>
/// <param name="Generated">How many files it generated.</param>
/// <param name="Written">The files it wrote because they were missing or differed.</param>
/// <param name="Removed">The files it removed from the generated folders because nothing generates them any more.</param>
public sealed record GenerationResult(int Generated, IReadOnlyList<string> Written, IReadOnlyList<string> Removed);
