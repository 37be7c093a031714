using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace CrmRelationship.Packaging.Mapping;

/// <summary>The three SolutionPackager mapping directives.</summary>
public enum MapDirectiveKind
{
    Folder,
    FileToFile,
    FileToPath,
}

/// <summary>
/// One directive of a mapping file, with <c>map</c> and <c>to</c> normalised to forward slashes and
/// environment variables (<c>%NAME%</c>) expanded.
/// </summary>
public sealed record MapDirective(MapDirectiveKind Kind, string Map, string To)
{
    private const string AnyFolder = "**";

    internal static MapDirective Parse(XElement element, string mapFile)
    {
        if (!Enum.TryParse<MapDirectiveKind>(element.Name.LocalName, ignoreCase: false, out var kind))
        {
            throw new PackException(
                $"The mapping file {mapFile} has an unknown directive <{element.Name.LocalName}>: use Folder, FileToFile or FileToPath.");
        }

        string Attribute(string name) =>
            (string?)element.Attribute(name) is { Length: > 0 } value
                ? Normalise(value)
                : throw new PackException($"The mapping file {mapFile} has a <{kind}> directive without a {name} attribute.");

        return new MapDirective(kind, Attribute("map"), Attribute("to"));
    }

    /// <summary>The full path this directive reads <paramref name="relativePath"/> from, or null when it does not match.</summary>
    public string? Candidate(string relativePath, string sourceDirectory)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var slash = relativePath.LastIndexOf('/');
        var folder = slash < 0 ? string.Empty : relativePath[..slash];
        var name = relativePath[(slash + 1)..];
        return Kind switch
        {
            MapDirectiveKind.Folder => FolderCandidate(relativePath, sourceDirectory),
            MapDirectiveKind.FileToFile => FileCandidate(folder, name, sourceDirectory, toIsFolder: false),
            _ => FileCandidate(folder, name, sourceDirectory, toIsFolder: true),
        };
    }

    private string? FolderCandidate(string relativePath, string sourceDirectory)
    {
        var prefix = Map.TrimEnd('/') + "/";
        return relativePath.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            ? Full(sourceDirectory, To.TrimEnd('/') + "/" + relativePath[prefix.Length..])
            : null;
    }

    private string? FileCandidate(string folder, string name, string sourceDirectory, bool toIsFolder)
    {
        var slash = Map.LastIndexOf('/');
        var mapFolder = slash < 0 ? null : Map[..slash];
        var mapName = Map[(slash + 1)..];
        if (!NameMatches(mapName, name, wildcardsAllowed: toIsFolder) || !FolderMatches(mapFolder, folder, out var captured))
        {
            return null;
        }

        var target = toIsFolder ? To.TrimEnd('/') + "/" + name : To;
        if (!target.Contains(AnyFolder, StringComparison.Ordinal))
        {
            return Full(sourceDirectory, target);
        }

        if (captured is null)
        {
            return Search(sourceDirectory, target);
        }

        // "**" on both sides: the same sub-folder, or else (as in the documented "PluginAssemblies\**\this.dll" to
        // "..\Plugins\**\that.dll") the file found in any sub-folder of the target.
        var same = Full(sourceDirectory, ReplaceAnyFolder(target, captured));
        if (File.Exists(same))
        {
            return same;
        }

        var found = Search(sourceDirectory, target);
        return File.Exists(found) ? found : same;
    }

    private static bool NameMatches(string pattern, string name, bool wildcardsAllowed)
    {
        if (wildcardsAllowed && pattern == "*.*")
        {
            return true;
        }

        if (wildcardsAllowed && pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            return name.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase);
        }

        return string.Equals(pattern, name, StringComparison.OrdinalIgnoreCase);
    }

    private static bool FolderMatches(string? pattern, string folder, out string? captured)
    {
        captured = null;
        if (pattern is null)
        {
            return true;
        }

        if (pattern == AnyFolder || pattern.EndsWith("/" + AnyFolder, StringComparison.Ordinal))
        {
            var prefix = pattern[..^AnyFolder.Length].TrimEnd('/');
            if (prefix.Length == 0)
            {
                captured = folder;
                return true;
            }

            if (string.Equals(folder, prefix, StringComparison.OrdinalIgnoreCase))
            {
                captured = string.Empty;
                return true;
            }

            if (folder.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase))
            {
                captured = folder[(prefix.Length + 1)..];
                return true;
            }

            return false;
        }

        return string.Equals(pattern, folder, StringComparison.OrdinalIgnoreCase);
    }

    private static string ReplaceAnyFolder(string target, string captured) =>
        captured.Length == 0
            ? target.Replace("/" + AnyFolder + "/", "/", StringComparison.Ordinal).Replace(AnyFolder + "/", string.Empty, StringComparison.Ordinal)
            : target.Replace(AnyFolder, captured, StringComparison.Ordinal);

    // "to" names "dir/**/file" without a sub-folder captured from "map": the first file of that name
    // under dir, in ordinal path order so that the choice does not depend on the file system.
    private static string Search(string sourceDirectory, string target)
    {
        var index = target.IndexOf(AnyFolder, StringComparison.Ordinal);
        var baseFolder = Full(sourceDirectory, target[..index].TrimEnd('/'));
        var rest = target[(index + AnyFolder.Length)..].TrimStart('/');
        if (Directory.Exists(baseFolder))
        {
            var match = Directory.EnumerateFiles(baseFolder, Path.GetFileName(rest), SearchOption.AllDirectories)
                .Where(f => f.Replace('\\', '/').EndsWith("/" + rest, StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => f, StringComparer.Ordinal)
                .FirstOrDefault();
            if (match is not null)
            {
                return match;
            }
        }

        return Path.Combine(baseFolder, rest);
    }

    private static string Full(string sourceDirectory, string path) =>
        Path.GetFullPath(Path.Combine(sourceDirectory, path.Replace('/', Path.DirectorySeparatorChar)));

    private static string Normalise(string value) =>
        Environment.ExpandEnvironmentVariables(value.Trim()).Replace('\\', '/');
}
