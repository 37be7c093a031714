using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace CrmRelationship.SolutionModel;

/// <summary>
/// Every column that a view, chart or form of the unpacked solution names (managed twins included), with the table
/// it belongs to, and the ones that table does not have. A view's FetchXML (attributes, conditions, sort orders,
/// link-entity joins) and grid cells, a chart's FetchXML and a form's bound controls are read; a link-entity's
/// columns, and a condition or grid cell that names its alias, belong to the linked table. A table has the columns
/// of its Entity.xml and the <see cref="SystemColumns"/> of that table. <c>crmrel pack</c> refuses the unknown ones,
/// because the schemas cannot see a misspelt column and Dataverse finds it only at import or when the view runs.
/// </summary>
public static class ColumnReferences
{
    /// <summary>Every column named by the views, charts and forms of <paramref name="source"/>, in file and line order.</summary>
    public static IReadOnlyList<ColumnReference> Read(SolutionSource source)
    {
        if (source is null)
        {
            throw new ArgumentNullException(nameof(source));
        }

        var references = new List<ColumnReference>();
        foreach (var file in source.Files.Where(f => f.Kind is SourceFileKind.View or SourceFileKind.Chart or SourceFileKind.Form))
        {
            var root = XmlSyntax.Load(file.FullPath, file.RelativePath, LoadOptions.SetLineInfo).Root;
            if (root is null)
            {
                continue;
            }

            var table = MetadataReader.EntityFolder(file).ToLowerInvariant();
            void Add(XElement element, string owner, string? column, string kind)
            {
                if (!string.IsNullOrEmpty(column))
                {
                    references.Add(new ColumnReference(file.RelativePath, ((IXmlLineInfo)element).LineNumber, owner, column!, kind));
                }
            }

            if (file.Kind == SourceFileKind.Form)
            {
                foreach (var control in root.Descendants("control"))
                {
                    Add(control, table, (string?)control.Attribute("datafieldname"), "form control");
                }

                continue;
            }

            var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var link in root.Descendants("link-entity"))
            {
                if ((string?)link.Attribute("alias") is { } alias && (string?)link.Attribute("name") is { } linked)
                {
                    aliases[alias] = linked;
                }
            }

            string Owner(string? alias, string fallback) =>
                alias is null ? fallback : aliases.TryGetValue(alias, out var linked) ? linked : alias;

            foreach (var entity in root.Descendants("fetch").Elements("entity"))
            {
                Walk(entity, (string?)entity.Attribute("name") ?? table, Add, Owner);
            }

            var main = (string?)root.Descendants("fetch").Elements("entity").FirstOrDefault()?.Attribute("name") ?? table;
            foreach (var cell in root.Descendants("layoutxml").Descendants("cell"))
            {
                var name = (string?)cell.Attribute("name");
                var dot = name?.IndexOf('.') ?? -1;
                Add(cell, dot < 0 ? main : Owner(name!.Substring(0, dot), main), dot < 0 ? name : name!.Substring(dot + 1), "grid cell");
            }
        }

        return references.OrderBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Line).ToList();
    }

    /// <summary>The references of <see cref="Read"/> to a column their table does not have.</summary>
    public static IReadOnlyList<ColumnReference> Unknown(SolutionSource source)
    {
        var references = Read(source);
        var known = references.Select(r => r.Table).Distinct(StringComparer.Ordinal).ToDictionary(
            t => t,
            t => new HashSet<string>(
                SystemColumns.Of(t).Concat(source.Entities.Where(e => e.LogicalName == t).SelectMany(e => e.Columns).Select(c => c.LogicalName)),
                StringComparer.Ordinal),
            StringComparer.Ordinal);
        return references.Where(r => !known[r.Table].Contains(r.Column)).ToList();
    }

    // The columns of one <entity> or <link-entity>, its filters and the tables it links to.
    private static void Walk(XElement node, string table, Action<XElement, string, string?, string> add, Func<string?, string, string> owner)
    {
        foreach (var child in node.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "attribute":
                    add(child, table, (string?)child.Attribute("name"), "fetch attribute");
                    break;
                case "order":
                    add(child, owner((string?)child.Attribute("entityname"), table), (string?)child.Attribute("attribute"), "sort order");
                    break;
                case "condition":
                    var conditionTable = owner((string?)child.Attribute("entityname"), table);
                    add(child, conditionTable, (string?)child.Attribute("attribute"), "condition");
                    add(child, conditionTable, (string?)child.Attribute("valueof"), "condition");
                    break;
                case "filter":
                    Walk(child, table, add, owner);
                    break;
                case "link-entity":
                    var linked = (string?)child.Attribute("name") ?? string.Empty;
                    add(child, linked, (string?)child.Attribute("from"), "link-entity from");
                    add(child, table, (string?)child.Attribute("to"), "link-entity to");
                    Walk(child, linked, add, owner);
                    break;
            }
        }
    }
}

/// <summary>One column a view, chart or form names.</summary>
/// <param name="File">The source file, relative to the source folder (forward slashes).</param>
/// <param name="Line">The line of the element that names it.</param>
/// <param name="Table">The table the column is looked for on (the linked table under a link-entity).</param>
/// <param name="Kind">What names it: fetch attribute, condition, sort order, link-entity from/to, grid cell, form control.</param>
public sealed record ColumnReference(string File, int Line, string Table, string Column, string Kind);
