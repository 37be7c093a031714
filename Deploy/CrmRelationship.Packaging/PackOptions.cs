using System;
using System.Collections.Generic;
using System.IO;
using CrmRelationship.SolutionModel;

namespace CrmRelationship.Packaging;

/// <summary>
/// What to pack and where to. <see cref="ForRepository"/> gives the defaults `crmrel pack` uses:
/// Solution/src, Solution/map.xml, Microsoft's XSDs where <see cref="SchemaLocation"/> finds them (or
/// none, which skips schema validation), and the version written in Other/Solution.xml.
/// </summary>
public sealed record PackOptions
{
    /// <summary>The unpacked solution folder (SolutionPackager /folder).</summary>
    public required string SourceDirectory { get; init; }

    /// <summary>The SolutionPackager mapping file (/map), or null for none. Its relative paths are read from <see cref="SourceDirectory"/>.</summary>
    public string? MapFile { get; init; }

    public required string OutputDirectory { get; init; }

    /// <summary>
    /// The folder holding Microsoft's XSDs (CustomizationsSolution.xsd and the files it includes), or null to
    /// pack without schema validation (every other check still runs; <see cref="PackResult.SchemaValidationSkipped"/> says so).
    /// </summary>
    public string? SchemaDirectory { get; init; }

    /// <summary>The repository root, used to word errors with repository-relative paths and build commands.</summary>
    public required string RepositoryRoot { get; init; }

    public IReadOnlyList<PackageType> Types { get; init; } = [PackageType.Unmanaged, PackageType.Managed];

    /// <summary>The version to stamp; null keeps the one in Other/Solution.xml.</summary>
    public SolutionVersion? Version { get; init; }

    /// <summary>Receives one line per step (reading, validating, writing each zip).</summary>
    public Action<string>? Progress { get; init; }

    /// <summary>Opens a new file in the output folder for writing; tests pass one that fails as a full disk does.</summary>
    internal Func<string, Stream> CreateFile { get; init; } = path => new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);

    /// <summary>
    /// The repository's layout: Solution/src, Solution/map.xml, the XSDs of <paramref name="schemas"/> (when it
    /// found any), output in <paramref name="outputDirectory"/>.
    /// </summary>
    public static PackOptions ForRepository(string repositoryRoot, string outputDirectory, SchemaLocation schemas)
    {
        ArgumentNullException.ThrowIfNull(schemas);
        return new()
        {
            SourceDirectory = SolutionSource.SourceFolder(repositoryRoot),
            MapFile = Path.Combine(repositoryRoot, "Solution", "map.xml"),
            OutputDirectory = outputDirectory,
            SchemaDirectory = schemas.Directory,
            RepositoryRoot = repositoryRoot,
        };
    }
}
