using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace CrmRelationship.SolutionModel;

// Forms, views and charts.
internal static class UiReader
{
    public static FormDefinition ReadForm(SourceFile file)
    {
        var xml = Xml.Load(file);
        var systemForm = xml.Child(xml.Root, "systemform");
        var form = xml.Child(systemForm, "form");
        var tabs = (form.Element("tabs")?.Elements("tab") ?? Enumerable.Empty<XElement>())
            .Select(t => new FormTab(
                xml.ParseGuid(xml.Attr(t, "id"), "tab id"),
                (string?)t.Attribute("name") ?? string.Empty,
                Xml.Label(t, "labels", "label"),
                t.Descendants("section").Select(s => new FormSection(
                    xml.ParseGuid(xml.Attr(s, "id"), "section id"),
                    (string?)s.Attribute("name") ?? string.Empty,
                    Xml.Label(s, "labels", "label"),
                    Controls(s))).ToList()))
            .ToList();
        var header = form.Element("header") is { } h ? Controls(h) : new List<FormControl>();
        return new FormDefinition(
            xml.GuidText(systemForm, "formid"),
            MetadataReader.EntityFolder(file).ToLowerInvariant(),
            file.Folders[3],
            Xml.Label(systemForm, "LocalizedNames", "LocalizedName"),
            tabs,
            header,
            form);
    }

    private static List<FormControl> Controls(XElement container) =>
        container.Descendants("control").Select(c => new FormControl(
            (string?)c.Attribute("id") ?? string.Empty,
            (string?)c.Attribute("datafieldname"),
            (string?)c.Attribute("classid") ?? string.Empty,
            string.Equals((string?)c.Attribute("disabled"), "true", StringComparison.OrdinalIgnoreCase))).ToList();

    public static ViewDefinition ReadView(SourceFile file)
    {
        var xml = Xml.Load(file);
        var query = xml.Child(xml.Root, "savedquery");
        var fetch = xml.Child(xml.Child(query, "fetchxml"), "fetch");
        var entity = xml.Child(fetch, "entity");
        var layout = query.Element("layoutxml")?.Descendants("cell").Select(c => xml.Attr(c, "name")).ToList()
            ?? new List<string>();
        return new ViewDefinition(
            xml.GuidText(query, "savedqueryid"),
            xml.Attr(entity, "name"),
            Xml.Label(query, "LocalizedNames", "LocalizedName"),
            Xml.Label(query, "Descriptions", "Description"),
            xml.Int(query, "querytype"),
            fetch,
            entity.Elements("attribute").Select(a => xml.Attr(a, "name")).ToList(),
            layout,
            Conditions(xml, entity),
            entity.Elements("order").Select(o => new ViewOrder(
                xml.Attr(o, "attribute"),
                string.Equals((string?)o.Attribute("descending"), "true", StringComparison.OrdinalIgnoreCase))).ToList());
    }

    private static List<ViewCondition> Conditions(Xml xml, XElement entity)
    {
        var result = new List<ViewCondition>();
        void Walk(XElement filter, int depth)
        {
            var type = (string?)filter.Attribute("type") ?? "and";
            foreach (var condition in filter.Elements("condition"))
            {
                var values = condition.Attribute("value") is { } v
                    ? new List<string> { v.Value }
                    : condition.Elements("value").Select(e => e.Value.Trim()).ToList();
                result.Add(new ViewCondition(xml.Attr(condition, "attribute"), xml.Attr(condition, "operator"), values, type, depth));
            }

            foreach (var child in filter.Elements("filter"))
            {
                Walk(child, depth + 1);
            }
        }

        foreach (var filter in entity.Elements("filter"))
        {
            Walk(filter, 1);
        }

        return result;
    }

    public static ChartDefinition ReadChart(SourceFile file)
    {
        var xml = Xml.Load(file);
        var root = xml.Root;
        var definition = xml.Child(xml.Child(root, "datadescription"), "datadefinition");
        var fetches = xml.Child(definition, "fetchcollection").Elements("fetch").ToList();
        var entities = fetches.Select(f => xml.Child(f, "entity")).ToList();
        var attributes = entities.SelectMany(e => e.Descendants("attribute")).ToList();
        return new ChartDefinition(
            xml.GuidText(root, "savedqueryvisualizationid"),
            entities.Select(e => xml.Attr(e, "name")).FirstOrDefault() ?? throw xml.Error("chart has no fetch"),
            Xml.Label(root, "LocalizedNames", "LocalizedName"),
            definition,
            fetches,
            attributes.Select(a => xml.Attr(a, "name")).Distinct(StringComparer.Ordinal).ToList(),
            attributes.Where(a => (string?)a.Attribute("groupby") is "true" or "1").Select(a => xml.Attr(a, "name")).ToList(),
            root.Element("presentationdescription")?.Elements().FirstOrDefault());
    }
}
