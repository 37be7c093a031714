using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace CrmRelationship.SolutionModel;

/// <summary>
/// Microsoft's published solution schemas (9.0.0.2090, found by <see cref="SchemaLocation"/>), compiled once, and the checks
/// every source file must pass with zero problems: the wrapped file against CustomizationsSolution.xsd,
/// and the parts that schema types as anything (form, FetchXML, chart data) against their own schemas.
/// </summary>
public sealed class SolutionSchemas
{
    /// <summary>
    /// The fetch attribute that sorts choice columns by their value instead of their localized label (Dataverse
    /// "Order rows using FetchXml"), so that "Accounts by relationship level" runs up the ladder. The 2018 Fetch.xsd
    /// does not declare it; it is one of the <see cref="NewerSchemaConstructs"/>.
    /// </summary>
    public const string UseRawOrderBy = "useraworderby";

    private readonly XmlSchemaSet set;

    private SolutionSchemas(XmlSchemaSet set) => this.set = set;

    /// <summary>Loads CustomizationsSolution.xsd (which includes FormXml, Fetch, SiteMapType, isv.config)
    /// and VisualizationDataDescription.xsd from the folder. Nothing is copied.</summary>
    public static SolutionSchemas Load(string schemaDirectory)
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.ValidationEventHandler += XmlSyntax.ThrowOnSchemaProblem;
        foreach (var name in new[] { "CustomizationsSolution.xsd", "VisualizationDataDescription.xsd" })
        {
            var path = Path.GetFullPath(Path.Combine(schemaDirectory, name));
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"Schema {name} not found in {schemaDirectory}.", path);
            }

            try
            {
                set.Add(null, path);
            }
            catch (XmlException ex)
            {
                throw new SolutionSourceException(path, ex);
            }
        }

        set.Compile();
        return new SolutionSchemas(set);
    }

    /// <summary>
    /// Validates an element that is a global element of the schemas (ImportExportXml, form, fetch, datadefinition),
    /// with the <see cref="NewerSchemaConstructs"/> taken out of a copy first.
    /// </summary>
    /// <returns>One line per problem, with the path of the offending node; empty when valid.</returns>
    public IReadOnlyList<string> Validate(XElement root)
    {
        if (root is null)
        {
            throw new ArgumentNullException(nameof(root));
        }

        var problems = new List<string>();
        var document = new XDocument(new XElement(root));
        NewerSchemaConstructs.Accept(document.Root!);
        document.Validate(this.set, (sender, e) =>
        {
            var where = sender is XObject node ? CustomizationsWrapper.PathOf(node) : "?";
            problems.Add($"{e.Severity}: {where}: {e.Message}");
        });
        return problems;
    }

    /// <summary>Every check for one source file. Files without a schema (Solution.xml, the relationship
    /// index) give a single problem saying so; callers check those by shape instead.</summary>
    public IReadOnlyList<string> ValidateSourceFile(SourceFile file)
    {
        if (file is null)
        {
            throw new ArgumentNullException(nameof(file));
        }

        var wrapped = CustomizationsWrapper.Wrap(file);
        if (wrapped?.Root is null)
        {
            return new[] { $"{file.RelativePath}: no published schema for {file.Kind}" };
        }

        var problems = Validate(wrapped.Root).Select(p => $"{file.RelativePath}: {p}").ToList();
        foreach (var part in SeparatelyValidatedParts(wrapped.Root))
        {
            problems.AddRange(Validate(part).Select(p => $"{file.RelativePath} <{part.Name.LocalName}>: {p}"));
        }

        return problems;
    }

    /// <summary>
    /// The form inside a systemform, the FetchXML of views and charts, and chart data definitions: typed
    /// loosely (or as anything) by CustomizationsSolution.xsd, so each is validated on its own against the
    /// global element of its own name (form, fetch, datadefinition).
    /// </summary>
    public static IEnumerable<XElement> SeparatelyValidatedParts(XElement root) =>
        root.Descendants("systemform").Elements("form")
            .Concat(root.Descendants("fetchxml").Elements("fetch"))
            .Concat(root.Descendants("datadescription").Elements("datadefinition"))
            .Concat(root.Descendants("fetchcollection").Elements("fetch"));
}
