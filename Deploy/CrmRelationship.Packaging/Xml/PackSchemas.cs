using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace CrmRelationship.Packaging.Xml;

/// <summary>
/// Microsoft's solution XSDs (9.0.0.2090, loaded from where <see cref="SolutionModel.SchemaLocation"/> finds them,
/// never copied into the repository) and the checks a
/// generated customizations.xml must pass before it is written: the whole file, and on their own the
/// parts the file types loosely (each form, each view's and chart's FetchXML, each chart data
/// definition). Problems carry the line and column of the packed file.
/// </summary>
public sealed class PackSchemas
{
    private const string Root = "ImportExportXml";
    private readonly XmlSchemaSet set;

    private PackSchemas(XmlSchemaSet set, IReadOnlyList<string> rootSections)
    {
        this.set = set;
        RootSections = rootSections;
    }

    /// <summary>The children of ImportExportXml in the order the schema's sequence declares them.</summary>
    public IReadOnlyList<string> RootSections { get; }

    /// <summary>Loads and compiles CustomizationsSolution.xsd (with its includes) and VisualizationDataDescription.xsd.</summary>
    /// <exception cref="PackException">The folder or a schema is missing, or the set does not compile.</exception>
    public static PackSchemas Load(string schemaDirectory)
    {
        ArgumentNullException.ThrowIfNull(schemaDirectory);
        var full = Path.GetFullPath(schemaDirectory);
        if (!Directory.Exists(full))
        {
            throw new PackException($"No schemas folder at {full}: {SolutionModel.SchemaLocation.HowToTurnOn}.");
        }

        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.ValidationEventHandler += SolutionModel.XmlSyntax.ThrowOnSchemaProblem;
        try
        {
            foreach (var name in new[] { "CustomizationsSolution.xsd", "VisualizationDataDescription.xsd" })
            {
                var path = Path.Combine(full, name);
                if (!File.Exists(path))
                {
                    throw new PackException($"The schemas folder {full} has no {name}: restore it, or {SolutionModel.SchemaLocation.HowToTurnOn}.");
                }

                set.Add(null, path);
            }

            set.Compile();
        }
        catch (SolutionModel.SolutionSourceException ex) when (ex.SyntaxError is { } syntax)
        {
            throw new PackException(SolutionModel.XmlSyntax.Describe(ex.File!, syntax, "restore the unmodified XSDs"), ex);
        }
        catch (XmlException ex) when (SolutionModel.XmlSyntax.FileOf(ex) is { } file)
        {
            throw new PackException(SolutionModel.XmlSyntax.Describe(file, ex, "restore the unmodified XSDs"), ex);
        }
        catch (Exception ex) when (ex is XmlSchemaException or XmlException or IOException)
        {
            throw new PackException($"The schemas in {full} do not compile ({ex.Message.TrimEnd('.')}): restore the unmodified XSDs.", ex);
        }

        return new PackSchemas(set, SequenceOf(set));
    }

    /// <summary>
    /// Every problem in the packed customizations.xml <paramref name="text"/>, as "line:column: message". The
    /// root's attributes, the root children named in <paramref name="undeclaredSections"/> and the
    /// <see cref="SolutionModel.NewerSchemaConstructs"/> are left out: the 2018 schema declares none of them (the
    /// known differences README.md lists).
    /// </summary>
    /// <param name="built">The element <paramref name="text"/> was written from; its <see cref="SourceOrigin"/> marks name the source file of each problem.</param>
    /// <param name="accepted">The newer constructs that the file carried and that were left out.</param>
    public IReadOnlyList<SchemaProblem> ValidateCustomizations(
        XElement built, string text, IReadOnlyCollection<string> undeclaredSections, out IReadOnlyList<SolutionModel.NewerSchemaConstruct> accepted)
    {
        ArgumentNullException.ThrowIfNull(built);
        ArgumentNullException.ThrowIfNull(undeclaredSections);
        var document = XDocument.Parse(text, LoadOptions.SetLineInfo);
        var root = document.Root!;
        SourceOrigin.CopyMarks(built, root);
        root.Attributes().Where(a => !a.IsNamespaceDeclaration).Remove();
        root.Elements().Where(e => undeclaredSections.Contains(e.Name.LocalName)).Remove();
        accepted = SolutionModel.NewerSchemaConstructs.Accept(root);

        var problems = new List<SchemaProblem>();
        document.Validate(this.set, (sender, e) => problems.Add(Problem(sender, e)));
        foreach (var (part, schemaElement) in SeparatelyValidatedParts(root))
        {
            part.Validate(schemaElement, this.set, (sender, e) => problems.Add(Problem(sender, e)));
        }

        return problems.Distinct().OrderBy(p => p.Line).ThenBy(p => p.Column).ToList();
    }

    /// <summary>The root sections of a customizations document that the 2018 schema does not declare.</summary>
    public IReadOnlyList<string> UndeclaredSections(XElement customizations)
    {
        ArgumentNullException.ThrowIfNull(customizations);
        return customizations.Elements().Select(e => e.Name.LocalName).Where(n => !RootSections.Contains(n)).ToList();
    }

    private IEnumerable<(XElement Part, XmlSchemaElement Schema)> SeparatelyValidatedParts(XElement root) =>
        SolutionModel.SolutionSchemas.SeparatelyValidatedParts(root).Select(part => (part, Global(part.Name.LocalName)));

    private XmlSchemaElement Global(string name) =>
        this.set.GlobalElements[new XmlQualifiedName(name)] as XmlSchemaElement
        ?? throw new PackException($"The schema set declares no global <{name}>: restore the unmodified XSDs.");

    private static SchemaProblem Problem(object? sender, ValidationEventArgs e)
    {
        var info = sender as IXmlLineInfo;
        var line = info is { } i && i.HasLineInfo() ? i.LineNumber : e.Exception?.LineNumber ?? 0;
        var column = info is { } j && j.HasLineInfo() ? j.LinePosition : e.Exception?.LinePosition ?? 0;
        var severity = e.Severity == XmlSeverityType.Warning ? "warning: " : string.Empty;
        return new SchemaProblem(line, column, severity + e.Message, SourceOrigin.Of(sender as XObject));
    }

    private static List<string> SequenceOf(XmlSchemaSet set)
    {
        var element = set.GlobalElements[new XmlQualifiedName(Root)] as XmlSchemaElement;
        var sequence = (element?.ElementSchemaType as XmlSchemaComplexType)?.ContentTypeParticle as XmlSchemaSequence
            ?? throw new PackException("CustomizationsSolution.xsd declares no ImportExportXml sequence: restore the unmodified XSDs.");
        return sequence.Items.OfType<XmlSchemaElement>().Select(e => e.QualifiedName.Name).ToList();
    }
}

/// <summary>One schema problem at a line and column of a packed file.</summary>
/// <param name="Source">The unpacked source file the offending element came from, when known.</param>
public sealed record SchemaProblem(int Line, int Column, string Message, string? Source = null)
{
    public override string ToString() => $"{Line}:{Column}: {Message}";
}
