using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using CrmRelationship.Packaging.Assemblies;
using CrmRelationship.Packaging.Layout;
using CrmRelationship.Packaging.Mapping;
using CrmRelationship.Packaging.Output;
using CrmRelationship.Packaging.Xml;
using CrmRelationship.Packaging.Zip;
using CrmRelationship.SolutionModel;

namespace CrmRelationship.Packaging;

/// <summary>
/// Packs the unpacked solution into the zips Dataverse imports, as `crmrel pack` and the solution tests
/// run it: reads Solution/src through the mapping file, assembles customizations.xml and solution.xml,
/// validates every generated XML against Microsoft's XSDs, refuses the SDK stand-in, and writes
/// &lt;UniqueName&gt;_&lt;x_y_z_w&gt;.zip and/or …_managed.zip, byte-identical for identical inputs.
/// </summary>
public static class SolutionPacker
{
    public const string CustomizationsEntry = "customizations.xml";
    public const string SolutionEntry = "solution.xml";

    /// <exception cref="PackException">Anything that stops the pack; the message is one sentence.</exception>
    public static PackResult Pack(PackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var progress = options.Progress ?? (_ => { });
        if (options.Types.Count == 0)
        {
            throw new PackException("Nothing to pack: choose unmanaged, managed or both.");
        }

        var schemas = options.SchemaDirectory is null ? null : PackSchemas.Load(options.SchemaDirectory);
        var skipped = schemas is null ? SchemaLocation.Skipped : null;
        if (skipped is not null)
        {
            progress(skipped);
        }

        progress($"Reading {Display(options, options.SourceDirectory)}");
        var source = LoadSource(options);
        CheckColumns(source, options);
        var map = options.MapFile is null ? MapFile.None(options.SourceDirectory) : MapFile.Load(options.MapFile, options.SourceDirectory);
        var version = options.Version ?? ParseVersion(source.Manifest.Version, options);

        var zips = new List<(PackedZip Zip, byte[] Bytes)>();
        IReadOnlyList<ComponentCount>? counts = null;
        var differences = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in options.Types.Distinct().OrderBy(t => t))
        {
            var content = CustomizationsBuilder.Build(
                PackageSource.Select(source.Files, type), CustomizationsSections.Order, f => Display(options, f.File.FullPath));
            counts ??= ComponentCounter.Count(content);
            var zipName = $"{source.Manifest.UniqueName}_{version.FileNamePart}{(type == PackageType.Managed ? "_managed" : string.Empty)}";
            var entries = Entries(zipName, content, type, version, schemas, map, source, options, differences, progress);
            var path = Path.Combine(Path.GetFullPath(options.OutputDirectory), zipName + ".zip");
            var bytes = DeterministicZip.Create(entries);
            zips.Add((new PackedZip(type, path, bytes.Length, entries.Select(e => e.Key).ToList(), content.ManagedVariants), bytes));
        }

        // Written only when every package passed, and then all or nothing, so that a failed pack leaves the previous zips.
        AllOrNothingWriter.Write(zips.Select(z => (z.Zip.Path, z.Bytes)).ToList(), options.CreateFile, path => Display(options, path));
        foreach (var (zip, bytes) in zips)
        {
            progress($"Wrote {Display(options, zip.Path)} ({bytes.Length:N0} bytes, {zip.Entries.Count} entries)");
        }

        if (schemas is not null)
        {
            differences.Add(SolutionManifestDifference);
        }

        return new PackResult(version, zips.Select(z => z.Zip).ToList(), counts ?? [], differences.ToList(), skipped);
    }

    /// <summary>solution.xml has no published schema: its shape is checked instead (tests and <see cref="CheckManifest"/>).</summary>
    public const string SolutionManifestDifference =
        "solution.xml: <SolutionManifest> and the ImportExportXml attributes have no published schema (shape checked instead)";

    private static List<KeyValuePair<string, byte[]>> Entries(
        string zipName,
        PackageContent content,
        PackageType type,
        SolutionVersion version,
        PackSchemas? schemas,
        MapFile map,
        SolutionSource source,
        PackOptions options,
        SortedSet<string> differences,
        Action<string> progress)
    {
        var customizations = PackedXml.ToExportBytes(content.Customizations);
        if (schemas is not null)
        {
            progress($"Validating the {type.ToString().ToLowerInvariant()} customizations.xml against {Display(options, options.SchemaDirectory!)}");
            var rejected = Path.Combine(Path.GetFullPath(options.OutputDirectory), $"{zipName}.rejected-customizations.xml");
            Validate(content.Customizations, customizations, type, schemas, options, differences, rejected);
        }

        var manifest = Manifest(content.Manifest, type, version);
        CheckManifest(manifest);

        var files = new List<KeyValuePair<string, byte[]>>();
        foreach (var file in content.Files)
        {
            var resolved = map.Resolve(file.SourcePath);
            if (!resolved.Exists)
            {
                throw new PackException(MissingFileAdvice.For(resolved, map, options.RepositoryRoot));
            }

            var display = Display(options, resolved.FullPath);
            var bytes = file.IsXml ? PackedXml.ToExportBytes(PackedXml.LoadRoot(resolved.FullPath, display)) : File.ReadAllBytes(resolved.FullPath);
            var registration = source.PluginAssemblies.FirstOrDefault(a =>
                string.Equals(a.FileName.TrimStart('/'), file.PackedPath, StringComparison.OrdinalIgnoreCase));
            AssemblyGuard.Check(file.PackedPath, bytes, display, registration);
            if (schemas is not null && file.IsXml && file.Registration is null)
            {
                differences.Add($"{file.PackedPath.Split('/')[0]}/: stored as files, as the export does; no published schema");
            }

            files.Add(new(file.PackedPath, bytes));
        }

        var duplicate = files.GroupBy(f => f.Key, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new PackException($"Two component files would both be stored as {duplicate.Key}: give them different FileName values.");
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var entries = new List<KeyValuePair<string, byte[]>>
        {
            new(CustomizationsEntry, customizations),
            new(SolutionEntry, PackedXml.ToExportBytes(manifest)),
        };
        entries.Add(new(ContentTypes.EntryName, ContentTypes.Create(entries.Select(e => e.Key).Concat(files.Select(f => f.Key)))));
        entries.AddRange(files);
        return entries;
    }

    // On failure the rejected file is written next to where the zip would be, so that its line numbers can be followed.
    private static void Validate(
        XElement built, byte[] bytes, PackageType type, PackSchemas schemas, PackOptions options, SortedSet<string> differences, string rejected)
    {
        var undeclared = schemas.UndeclaredSections(built);
        var rootAttributes = built.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => a.Name.LocalName).ToList();
        if (rootAttributes.Count > 0)
        {
            differences.Add($"customizations.xml: ImportExportXml attributes {string.Join(", ", rootAttributes)} (not declared by the 2018 schema)");
        }

        foreach (var section in undeclared)
        {
            differences.Add($"customizations.xml: <{section}> (a section added after the 2018 schema)");
        }

        var problems = schemas.ValidateCustomizations(built, Encoding.UTF8.GetString(bytes), undeclared, out var accepted);
        foreach (var construct in accepted)
        {
            differences.Add($"customizations.xml: {construct.Description}, accepted by name (README, Known schema differences)");
        }

        if (problems.Count > 0)
        {
            var first = problems[0];
            var from = first.Source is null ? string.Empty : $" (from {Display(options, Path.Combine(options.SourceDirectory, first.Source))})";
            WriteRejected(rejected, bytes, options);
            throw new PackException(
                $"The {type.ToString().ToLowerInvariant()} {CustomizationsEntry} (written to {Display(options, rejected)}) breaks Microsoft's schema "
                + $"at line {first.Line}, column {first.Column}{from}: "
                + $"{first.Message.TrimEnd('.')}{(problems.Count > 1 ? $" ({problems.Count} problems in all)" : string.Empty)}.");
        }
    }

    private static void WriteRejected(string path, byte[] bytes, PackOptions options)
    {
        var folder = Path.GetDirectoryName(path)!;
        OutputFolder.Create(folder, p => Display(options, p));
        try
        {
            File.WriteAllBytes(path, bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw OutputFolder.CannotWrite(path, folder, "the rejected customizations.xml", ex, p => Display(options, p), "no zip was written");
        }
    }

    /// <summary>solution.xml for one package: Other/Solution.xml with Managed set to 0 or 1 and the version stamped.</summary>
    public static XElement Manifest(XElement source, PackageType type, SolutionVersion version)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(version);
        var manifest = new XElement(source);
        var solution = manifest.Element("SolutionManifest")
            ?? throw new PackException("Other/Solution.xml has no <SolutionManifest>: restore it.");
        (solution.Element("Version") ?? throw new PackException("Other/Solution.xml has no <Version>: restore it.")).Value = version.ToString();
        (solution.Element("Managed") ?? throw new PackException("Other/Solution.xml has no <Managed>: restore it.")).Value =
            type == PackageType.Managed ? "1" : "0";
        return manifest;
    }

    /// <summary>The shape a real export's solution.xml has (sdk-solution-webapi.md §3.3): there is no schema for it.</summary>
    public static void CheckManifest(XElement manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var solution = manifest.Elements("SolutionManifest").ToList();
        string[] required = ["UniqueName", "LocalizedNames", "Version", "Managed", "Publisher", "RootComponents"];
        var missing = solution.Count == 1 ? required.FirstOrDefault(n => solution[0].Element(n) is null) : "SolutionManifest";
        if (manifest.Name.LocalName != "ImportExportXml" || missing is not null)
        {
            throw new PackException($"Other/Solution.xml is not a solution manifest (missing <{missing ?? "ImportExportXml"}>): restore it from the repository.");
        }
    }

    private static SolutionSource LoadSource(PackOptions options) => ReadSource(options, () => SolutionSource.Load(options.SourceDirectory));

    private static T ReadSource<T>(PackOptions options, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (SolutionSourceException ex) when (ex is { File: { } file, SyntaxError: { } syntax })
        {
            throw new PackException(XmlSyntax.Describe(Display(options, Path.Combine(options.SourceDirectory, file)), syntax), ex);
        }
        catch (Exception ex) when (ex is SolutionSourceException or DirectoryNotFoundException or System.Xml.XmlException or FormatException)
        {
            throw new PackException($"The solution source cannot be read ({ex.Message.TrimEnd('.')}): fix the file it names.", ex);
        }
    }

    // Every offending file, line and column in one sentence, so that one run shows everything to correct.
    private static void CheckColumns(SolutionSource source, PackOptions options)
    {
        var unknown = ReadSource(options, () => ColumnReferences.Unknown(source));
        if (unknown.Count > 0)
        {
            var named = unknown.Select(u => $"{Display(options, Path.Combine(options.SourceDirectory, u.File))} line {u.Line}: {u.Table}.{u.Column} ({u.Kind})");
            throw new PackException(
                $"Views, charts and forms name columns their tables do not have: {string.Join("; ", named)}: correct the names, "
                + "or if a system column is meant, add it to Deploy/CrmRelationship.SolutionModel/SystemColumns.cs (README, \"System columns the solution uses\").");
        }
    }

    private static SolutionVersion ParseVersion(string text, PackOptions options) =>
        SolutionVersion.TryParse(text, out var version)
            ? version!
            : throw new PackException($"The version '{text}' in {Display(options, Path.Combine(options.SourceDirectory, "Other", "Solution.xml"))} is not x.y.z.w: correct it or pass --version.");

    private static string Display(PackOptions options, string path) => MissingFileAdvice.Display(path, options.RepositoryRoot);
}
