using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using CrmRelationship.Packaging.Xml;

namespace CrmRelationship.Packaging.Layout;

/// <summary>
/// Turns the SolutionPackager layout back into the packed layout, folder by folder and driven only by what
/// is on disk: component XML goes into its customizations.xml section (sections in the schema's sequence
/// order), files described by a .data.xml (web resources, plug-in assemblies, workflows) are stored at the
/// path their FileName gives, and folders that a packed zip keeps as files (customapis,
/// environmentvariabledefinitions, …) are copied as they are. A file that fits none of these stops the pack.
/// </summary>
public sealed class CustomizationsBuilder
{
    // Folders whose every XML file is one component element of a customizations.xml section.
    private static readonly Dictionary<string, string> ItemFolders = new(StringComparer.Ordinal)
    {
        ["OptionSets"] = "optionsets",
        ["Roles"] = "Roles",
        ["SdkMessageProcessingSteps"] = "SdkMessageProcessingSteps",
        ["AppModules"] = "AppModules",
        ["AppModuleSiteMaps"] = "AppModuleSiteMaps",
        ["Dashboards"] = "Dashboards",
    };

    // Folders of files described by a .data.xml: the section of the metadata element, and the element naming the packed file.
    private static readonly Dictionary<string, (string Section, string[] FileElements)> DataFolders = new(StringComparer.Ordinal)
    {
        ["WebResources"] = ("WebResources", ["FileName"]),
        ["PluginAssemblies"] = ("SolutionPluginAssemblies", ["FileName"]),
        ["Workflows"] = ("Workflows", ["XamlFileName", "JsonFileName"]),
    };

    private const string DataSuffix = ".data.xml";

    private readonly IReadOnlyList<string> rootSections;
    private readonly Dictionary<string, List<XElement>> sections = new(StringComparer.Ordinal);
    private readonly List<ComponentFile> files = [];
    private readonly HashSet<string> consumed = new(StringComparer.Ordinal);
    private readonly PackageSource source;
    private readonly Func<SelectedFile, string> display;

    private CustomizationsBuilder(PackageSource source, IReadOnlyList<string> rootSections, Func<SelectedFile, string> display)
    {
        this.source = source;
        this.rootSections = rootSections;
        this.display = display;
    }

    /// <summary>Assembles one package.</summary>
    /// <param name="rootSections">The ImportExportXml children in schema order (<see cref="SolutionModel.CustomizationsSections.Order"/>).</param>
    /// <param name="display">How to name a source file in an error (repository-relative path).</param>
    /// <exception cref="PackException">A file is not well-formed or has no place in the packed layout.</exception>
    public static PackageContent Build(PackageSource source, IReadOnlyList<string> rootSections, Func<SelectedFile, string> display)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new CustomizationsBuilder(source, rootSections, display).Build();
    }

    private PackageContent Build()
    {
        var manifest = Load(Single("Other/Solution.xml"));
        var residual = Load(Single("Other/Customizations.xml"));
        Consume("Other/Relationships.xml");

        // Files at the top of the source folder belong to no component folder: the stray-file check reports them.
        var inFolders = this.source.Files.Where(f => f.Parts.Count > 1 && !consumed.Contains(f.LogicalPath));
        foreach (var group in inFolders.GroupBy(f => f.Top, StringComparer.Ordinal))
        {
            if (group.Key == "Other")
            {
                AddOther(group);
            }
            else if (group.Key == "Entities")
            {
                foreach (var entity in group.GroupBy(f => f.Parts[1], StringComparer.Ordinal))
                {
                    AddEntity(entity.ToList());
                }
            }
            else if (ItemFolders.TryGetValue(group.Key, out var section))
            {
                foreach (var file in group.Where(f => IsXml(f.LogicalPath) && !IsData(f.LogicalPath)))
                {
                    Add(section, Load(file), file);
                }
            }
            else if (DataFolders.TryGetValue(group.Key, out var data))
            {
                AddDataFiles(group.ToList(), data.Section, data.FileElements);
            }
            else
            {
                CopyFolder(group);
            }
        }

        var stray = this.source.Files.FirstOrDefault(f => !consumed.Contains(f.LogicalPath));
        if (stray is not null)
        {
            throw new PackException(
                $"{this.display(stray)} has no place in a packed solution (no component file, .data.xml or known folder claims it): remove it or put it where the SolutionPackager layout expects it.");
        }

        return new PackageContent(Assemble(residual), manifest, this.files, this.source.ManagedVariants);
    }

    private void AddOther(IEnumerable<SelectedFile> files)
    {
        foreach (var file in files.Where(f => IsXml(f.LogicalPath)))
        {
            var root = Load(file);
            if (file.Parts.Count == 3 && file.Parts[1] == "Relationships")
            {
                AddChildren("EntityRelationships", root, file);
            }
            else if (file.Parts.Count == 2 && this.rootSections.Contains(root.Name.LocalName))
            {
                // Other/EntityMaps.xml, Other/FieldSecurityProfiles.xml, …: the file is the section.
                AddChildren(root.Name.LocalName, root, file);
            }
            else
            {
                consumed.Remove(file.LogicalPath);
            }
        }
    }

    private void AddEntity(IReadOnlyList<SelectedFile> files)
    {
        var entityFile = files.FirstOrDefault(f => f.Parts.Count == 3 && f.Parts[2] == "Entity.xml");
        if (entityFile is null)
        {
            return; // Left unconsumed: the stray-file check names a file of the folder.
        }

        var entity = Load(entityFile);
        var placeholders = new[] { "FormXml", "SavedQueries", "Visualizations", "RibbonDiffXml" };
        var kept = Detached(entity.Elements().Where(e => !placeholders.Contains(e.Name.LocalName)));
        var existing = placeholders.SkipLast(1).ToDictionary(p => p, p => Detached(entity.Elements(p).SelectMany(e => e.Elements())), StringComparer.Ordinal);

        var forms = files.Where(f => f.Parts.Count == 5 && f.Parts[2] == "FormXml" && IsXml(f.LogicalPath))
            .GroupBy(f => f.Parts[3], StringComparer.Ordinal)
            .Select(type => new XElement("forms", new XAttribute("type", type.Key),
                type.SelectMany(f => Marked(Load(f).Elements("systemform"), f))))
            .ToList();
        var views = files.Where(f => f.Parts.Count == 4 && f.Parts[2] == "SavedQueries" && IsXml(f.LogicalPath))
            .SelectMany(f => Marked(Load(f).Elements("savedquery"), f)).ToList();
        var charts = files.Where(f => f.Parts.Count == 4 && f.Parts[2] == "Visualizations" && IsXml(f.LogicalPath))
            .Select(f => Marked(Load(f), f)).ToList();
        var ribbon = files.Where(f => f.Parts.Count == 3 && f.Parts[2] == "RibbonDiff.xml").Select(f => Marked(Load(f), f)).ToList();
        var inline = Detached(entity.Elements("RibbonDiffXml"));

        // SolutionPackager leaves an empty <SavedQueries /> in Entity.xml, which the schema rejects: the packed
        // entity carries each part only when it has content, filled from the part files.
        var result = new XElement("Entity", entity.Attributes());
        result.Add(kept.Where(e => e.Name.LocalName is "Name" or "ObjectTypeCode" or "EntityInfo"));
        AddPart(result, "FormXml", existing["FormXml"].Concat(forms));
        AddPart(result, "SavedQueries", existing["SavedQueries"].Concat(views.Count == 0 ? [] : [new XElement("savedqueries", views)]));
        AddPart(result, "Visualizations", existing["Visualizations"].Concat(charts));
        if (ribbon.Count > 0)
        {
            result.Add(ribbon[0]);
        }
        else
        {
            result.Add(inline);
        }

        result.Add(kept.Where(e => e.Name.LocalName is not ("Name" or "ObjectTypeCode" or "EntityInfo")));
        Add("Entities", result, entityFile);
    }

    private static void AddPart(XElement entity, string name, IEnumerable<XElement> content)
    {
        var items = content.ToList();
        if (items.Count > 0)
        {
            entity.Add(new XElement(name, items));
        }
    }

    private void AddDataFiles(IReadOnlyList<SelectedFile> files, string section, string[] fileElements)
    {
        foreach (var data in files.Where(f => IsData(f.LogicalPath)))
        {
            var root = Load(data);
            var fileName = fileElements.Select(n => (string?)root.Element(n) ?? (string?)root.Attribute(n))
                .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
            if (fileName is null)
            {
                throw new PackException($"{this.display(data)} names no {string.Join(" or ", fileElements)}: add the packed path of the file it describes.");
            }

            var content = data.LogicalPath[..^DataSuffix.Length];
            Consume(content);
            this.files.Add(new ComponentFile(fileName.Trim().TrimStart('/'), content, IsXml: false, data.LogicalPath));
            Add(section, root, data);
        }
    }

    private void CopyFolder(IEnumerable<SelectedFile> files)
    {
        foreach (var file in files)
        {
            Consume(file.LogicalPath);
            this.files.Add(new ComponentFile(file.LogicalPath, file.File.RelativePath, IsXml(file.LogicalPath), null));
        }
    }

    // The packed root: the residual's sections and the components' sections, in the schema's sequence order;
    // sections the 2018 schema does not know keep their residual order just before <Languages>.
    private XElement Assemble(XElement residual)
    {
        var root = new XElement("ImportExportXml", residual.Attributes());
        var residualSections = residual.Elements().ToList();
        var undeclared = residualSections.Where(e => !this.rootSections.Contains(e.Name.LocalName)).ToList();
        foreach (var name in this.rootSections)
        {
            if (name == "Languages")
            {
                root.Add(undeclared);
            }

            var fromResidual = residualSections.Where(e => e.Name.LocalName == name).SelectMany(e => e.Nodes()).ToList();
            var components = this.sections.TryGetValue(name, out var items) ? items : [];
            if (residualSections.Any(e => e.Name.LocalName == name) || components.Count > 0)
            {
                root.Add(new XElement(name, fromResidual, components));
            }
        }

        if (!this.rootSections.Contains("Languages"))
        {
            root.Add(undeclared);
        }

        PackedXml.HoistXsiDeclaration(root);
        return root;
    }

    private void Add(string section, XElement element, SelectedFile from)
    {
        SourceOrigin.Mark(element, from.File.RelativePath);
        if (!this.sections.TryGetValue(section, out var list))
        {
            this.sections[section] = list = [];
        }

        list.Add(element);
    }

    private void AddChildren(string section, XElement root, SelectedFile from)
    {
        foreach (var child in Detached(root.Elements()))
        {
            Add(section, child, from);
        }
    }

    private static IEnumerable<XElement> Marked(IEnumerable<XElement> elements, SelectedFile from) =>
        Detached(elements).Select(e => Marked(e, from));

    // An element added to a new parent while it still has one is copied, and the copy loses its marks.
    private static List<XElement> Detached(IEnumerable<XElement> elements)
    {
        var list = elements.ToList();
        list.ForEach(e => e.Remove());
        return list;
    }

    private static XElement Marked(XElement element, SelectedFile from)
    {
        SourceOrigin.Mark(element, from.File.RelativePath);
        return element;
    }

    private XElement Load(SelectedFile file)
    {
        Consume(file.LogicalPath);
        return PackedXml.LoadRoot(file.File.FullPath, this.display(file));
    }

    private SelectedFile Single(string logicalPath) =>
        this.source.Files.FirstOrDefault(f => f.LogicalPath == logicalPath)
        ?? throw new PackException($"The solution source has no {logicalPath}: restore it.");

    private void Consume(string logicalPath) => consumed.Add(logicalPath);

    private static bool IsXml(string path) => path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);

    private static bool IsData(string path) => path.EndsWith(DataSuffix, StringComparison.OrdinalIgnoreCase);
}
