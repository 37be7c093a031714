using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CrmRelationship.SolutionModel;

/// <summary>
/// The unpacked solution (Solution/src, SolutionPackager layout) read into plain records. Load it once per
/// process: the packer builds the zips from it, the solution tests check it against the schema page and the
/// XSDs, and the plug-in test harness takes step and image registrations from it.
/// </summary>
public sealed class SolutionSource
{
    private SolutionSource(string directory, IReadOnlyList<SourceFile> files)
    {
        Directory = directory;
        Files = files;
        var sources = files.Where(f => !f.IsManagedTwin).ToList();
        IEnumerable<SourceFile> Of(SourceFileKind kind) => sources.Where(f => f.Kind == kind);

        Manifest = ManifestReader.Read(Single(sources, SourceFileKind.SolutionManifest));
        OptionSets = Of(SourceFileKind.OptionSet).Select(MetadataReader.ReadOptionSet).ToList();
        Entities = Of(SourceFileKind.Entity).Select(MetadataReader.ReadEntity).ToList();
        Relationships = Of(SourceFileKind.Relationships).SelectMany(MetadataReader.ReadRelationships).ToList();
        RelationshipIndex = Of(SourceFileKind.RelationshipIndex).SelectMany(MetadataReader.ReadRelationshipIndex).ToList();
        Forms = Of(SourceFileKind.Form).Select(UiReader.ReadForm).ToList();
        Views = Of(SourceFileKind.View).Select(UiReader.ReadView).ToList();
        Charts = Of(SourceFileKind.Chart).Select(UiReader.ReadChart).ToList();
        Roles = Of(SourceFileKind.SecurityRole).Select(AppReader.ReadRole).ToList();
        Apps = Of(SourceFileKind.AppModule).Select(AppReader.ReadApp).ToList();
        SiteMaps = Of(SourceFileKind.SiteMap).Select(AppReader.ReadSiteMap).ToList();
        PluginAssemblies = Of(SourceFileKind.PluginAssembly).Select(PluginReader.ReadAssembly).ToList();
        Steps = Of(SourceFileKind.Step).Select(PluginReader.ReadStep).ToList();
        WebResources = Of(SourceFileKind.WebResource).Select(ExtensionReader.ReadWebResource).ToList();
        CustomApis = ExtensionReader.ReadCustomApis(sources);
    }

    /// <summary>The source folder (full path).</summary>
    public string Directory { get; }

    /// <summary>Every file under the folder, managed twins included, ordered by path.</summary>
    public IReadOnlyList<SourceFile> Files { get; }

    public SolutionManifest Manifest { get; }

    public IReadOnlyList<GlobalOptionSet> OptionSets { get; }

    public IReadOnlyList<EntityDefinition> Entities { get; }

    public IReadOnlyList<RelationshipDefinition> Relationships { get; }

    /// <summary>The relationship names listed in Other/Relationships.xml.</summary>
    public IReadOnlyList<string> RelationshipIndex { get; }

    public IReadOnlyList<FormDefinition> Forms { get; }

    public IReadOnlyList<ViewDefinition> Views { get; }

    public IReadOnlyList<ChartDefinition> Charts { get; }

    public IReadOnlyList<SecurityRoleDefinition> Roles { get; }

    public IReadOnlyList<AppModuleDefinition> Apps { get; }

    public IReadOnlyList<SiteMapDefinition> SiteMaps { get; }

    public IReadOnlyList<PluginAssemblyRegistration> PluginAssemblies { get; }

    public IReadOnlyList<StepRegistration> Steps { get; }

    public IReadOnlyList<WebResourceDefinition> WebResources { get; }

    /// <summary>The Custom APIs of <c>customapis/</c>. They are not root components: see <see cref="ComponentType"/>.</summary>
    public IReadOnlyList<CustomApiDefinition> CustomApis { get; }

    /// <summary>Reads every file of an unpacked solution folder.</summary>
    /// <exception cref="SolutionSourceException">A file is missing a required element or holds a bad value.</exception>
    public static SolutionSource Load(string sourceDirectory)
    {
        if (!System.IO.Directory.Exists(sourceDirectory))
        {
            throw new DirectoryNotFoundException($"No solution source folder at {sourceDirectory}.");
        }

        var full = Path.GetFullPath(sourceDirectory);
        var files = System.IO.Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
            .Select(path => SourceFile.Classify(full, path))
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
            .ToList();
        return new SolutionSource(full, files);
    }

    /// <summary>The table with this logical name (contact, account).</summary>
    public EntityDefinition Entity(string logicalName) =>
        Entities.FirstOrDefault(e => string.Equals(e.LogicalName, logicalName, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"No table '{logicalName}' in the solution source.");

    public GlobalOptionSet OptionSet(string name) =>
        OptionSets.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"No global choice '{name}' in the solution source.");

    /// <summary>The web resource with this unique name, e.g. rel_/scripts/contactform.js.</summary>
    public WebResourceDefinition WebResource(string name) =>
        WebResources.FirstOrDefault(w => string.Equals(w.Name, name, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"No web resource '{name}' in the solution source.");

    public CustomApiDefinition CustomApi(string uniqueName) =>
        CustomApis.FirstOrDefault(a => string.Equals(a.UniqueName, uniqueName, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"No Custom API '{uniqueName}' in the solution source.");

    public ViewDefinition View(string name) =>
        Views.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"No view '{name}' in the solution source.");

    /// <summary>The single step of a plug-in class for a message on a table, e.g.
    /// (CrmRelationship.Plugins.ContactScoringPlugin, Update, contact).</summary>
    public StepRegistration Step(string pluginClassName, string message, string primaryEntity)
    {
        var matches = Steps.Where(s =>
            string.Equals(s.PluginClassName, pluginClassName, StringComparison.Ordinal)
            && string.Equals(s.Message, message, StringComparison.OrdinalIgnoreCase)
            && string.Equals(s.PrimaryEntity, primaryEntity, StringComparison.Ordinal)).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new KeyNotFoundException(
                $"Expected one step of {pluginClassName} for {message} of {primaryEntity}, found {matches.Count}.");
    }

    /// <summary>Every step of a plug-in class.</summary>
    public IReadOnlyList<StepRegistration> StepsOf(string pluginClassName) =>
        Steps.Where(s => string.Equals(s.PluginClassName, pluginClassName, StringComparison.Ordinal)).ToList();

    /// <summary>Finds the repository root (the folder holding CrmRelationship.sln) from <paramref name="start"/> upwards.</summary>
    public static string FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CrmRelationship.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No CrmRelationship.sln found above " + start + ".");
    }

    /// <summary>The unpacked solution folder, Solution/src, under the repository root.</summary>
    public static string SourceFolder(string repositoryRoot) => Path.Combine(repositoryRoot, "Solution", "src");

    /// <summary>Every step in <c>SdkMessageProcessingSteps/*.xml</c>, ordered by file name, without reading the rest.</summary>
    public static IReadOnlyList<StepRegistration> LoadSteps(string sourceFolder)
    {
        var folder = Path.Combine(sourceFolder, "SdkMessageProcessingSteps");
        if (!System.IO.Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException("The solution source has no SdkMessageProcessingSteps folder: " + folder + ".");
        }

        return System.IO.Directory.GetFiles(folder, "*.xml")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(LoadStep)
            .ToList();
    }

    /// <summary>
    /// Every relationship in <c>Other/Relationships/*.xml</c>, ordered by file name, without reading the rest (none when
    /// the folder is missing: a solution may add no relationship).
    /// </summary>
    public static IReadOnlyList<RelationshipDefinition> LoadRelationships(string sourceFolder)
    {
        var full = Path.GetFullPath(sourceFolder);
        var folder = Path.Combine(full, "Other", "Relationships");
        if (!System.IO.Directory.Exists(folder))
        {
            return Array.Empty<RelationshipDefinition>();
        }

        return System.IO.Directory.GetFiles(folder, "*.xml")
            .OrderBy(f => f, StringComparer.Ordinal)
            .SelectMany(f => MetadataReader.ReadRelationships(SourceFile.Classify(full, f)))
            .ToList();
    }

    /// <summary>Reads one step file.</summary>
    public static StepRegistration LoadStep(string file) => PluginReader.ReadStep(Xml.Load(file, file), file);

    private static SourceFile Single(IReadOnlyList<SourceFile> files, SourceFileKind kind)
    {
        var matches = files.Where(f => f.Kind == kind).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new SolutionSourceException($"Expected one {kind} file, found {matches.Count}.");
    }
}
