using System;
using System.IO;
using System.Linq;

namespace CrmRelationship.Packaging.Mapping;

/// <summary>
/// Words the one-sentence error for a file the pack needs but cannot find: a build output the mapping
/// file points at (say which project to build, and how), or a source file that is missing.
/// </summary>
public static class MissingFileAdvice
{
    public static string For(MappedFile file, MapFile map, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(map);
        var sourceName = Display(Path.Combine(map.SourceDirectory, file.RelativePath), repositoryRoot);
        if (!file.IsMapped)
        {
            return $"{sourceName} is missing: restore it, or map it to its build output in the mapping file.";
        }

        var where = $"({Display(map.Path!, repositoryRoot)} maps {file.RelativePath} to {Display(file.FullPath, repositoryRoot)}, which does not exist)";
        var project = FindUp(file.FullPath, repositoryRoot, "*.csproj");
        if (project is not null)
        {
            var what = file.RelativePath.StartsWith("PluginAssemblies/", StringComparison.OrdinalIgnoreCase)
                ? "the plug-in assembly"
                : Path.GetFileNameWithoutExtension(project);
            return $"Build {what} first: dotnet build {Display(Path.GetDirectoryName(project)!, repositoryRoot)}{BuildSwitches(file.FullPath)} {where}.";
        }

        var package = FindUp(file.FullPath, repositoryRoot, "package.json");
        if (package is not null)
        {
            return $"Build the web resources first: cd {Display(Path.GetDirectoryName(package)!, repositoryRoot)} && npm ci && npm run bundle {where}.";
        }

        return $"Build or restore {Display(file.FullPath, repositoryRoot)} first, or fix the entry for {file.RelativePath} in {Display(map.Path!, repositoryRoot)}.";
    }

    /// <summary>A path relative to the repository root with forward slashes, or the full path when it lies outside.</summary>
    public static string Display(string path, string repositoryRoot)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetFullPath(repositoryRoot).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return full.StartsWith(root, StringComparison.Ordinal)
            ? full[root.Length..].Replace('\\', '/')
            : full;
    }

    // ".../bin/Release/net462/X.dll" => " -c Release -f net462".
    private static string BuildSwitches(string output)
    {
        var parts = Path.GetFullPath(output).Split(Path.DirectorySeparatorChar);
        var bin = Array.LastIndexOf(parts, "bin");
        if (bin < 0 || bin + 2 >= parts.Length - 1)
        {
            return bin >= 0 && bin + 1 < parts.Length - 1 ? $" -c {parts[bin + 1]}" : string.Empty;
        }

        return $" -c {parts[bin + 1]} -f {parts[bin + 2]}";
    }

    // The nearest folder at or above the file (up to the repository root) holding a file matching the pattern.
    private static string? FindUp(string file, string repositoryRoot, string pattern)
    {
        var root = Path.GetFullPath(repositoryRoot).TrimEnd(Path.DirectorySeparatorChar);
        for (var dir = Path.GetDirectoryName(Path.GetFullPath(file)); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (!dir.StartsWith(root, StringComparison.Ordinal) || dir.Length <= root.Length)
            {
                return null;
            }

            if (Directory.Exists(dir))
            {
                var match = Directory.GetFiles(dir, pattern).OrderBy(f => f, StringComparer.Ordinal).FirstOrDefault();
                if (match is not null)
                {
                    return match;
                }
            }
        }

        return null;
    }
}
