using System.Collections.Generic;

namespace CrmRelationship.Packaging;

/// <summary>What one pack wrote: the zips, the components they carry, and what the 2018 schemas could not check.</summary>
/// <param name="KnownSchemaDifferences">Parts that Microsoft's 2018 XSDs do not declare and that were therefore
/// left out of validation, e.g. the root attributes of customizations.xml or a custom API file. Empty when the
/// schemas were not validated.</param>
/// <param name="SchemaValidationSkipped">Null when the XML was validated against the XSDs; otherwise the one
/// sentence saying that it was not, and how to turn it on.</param>
public sealed record PackResult(
    SolutionVersion Version,
    IReadOnlyList<PackedZip> Zips,
    IReadOnlyList<ComponentCount> Components,
    IReadOnlyList<string> KnownSchemaDifferences,
    string? SchemaValidationSkipped = null);

/// <summary>One written zip.</summary>
/// <param name="Entries">Entry names in the order they are stored.</param>
/// <param name="ManagedVariants">The <c>_managed</c> source files used in place of their unmanaged twins (managed zip only).</param>
public sealed record PackedZip(
    PackageType Type,
    string Path,
    long Size,
    IReadOnlyList<string> Entries,
    IReadOnlyList<string> ManagedVariants);

/// <summary>How many components of one kind the solution carries, for the pack summary and the README.</summary>
public sealed record ComponentCount(string Kind, int Count);
