using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;

namespace CrmRelationship.SolutionModel;

// Option sets, entities (columns) and relationships.
internal static class MetadataReader
{
    public static GlobalOptionSet ReadOptionSet(SourceFile file)
    {
        var xml = Xml.Load(file);
        var root = xml.Root;
        var options = (root.Element("options")?.Elements("option") ?? Enumerable.Empty<XElement>())
            .Select(o => new OptionValue(
                xml.ParseInt(xml.Attr(o, "value"), "option value"),
                Xml.Label(o, "labels", "label")))
            .ToList();
        return new GlobalOptionSet(
            xml.Attr(root, "Name"),
            Xml.Label(root, "displaynames", "displayname"),
            Xml.Label(root, "Descriptions", "Description"),
            Xml.OptionalText(root, "IsGlobal") == "1",
            Xml.OptionalText(root, "OptionSetType") ?? string.Empty,
            options);
    }

    public static EntityDefinition ReadEntity(SourceFile file)
    {
        var xml = Xml.Load(file);
        var entity = xml.Child(xml.Child(xml.Root, "EntityInfo"), "entity");
        var columns = xml.Child(entity, "attributes").Elements("attribute").Select(a => ReadColumn(xml, a)).ToList();
        return new EntityDefinition(xml.Text(xml.Root, "Name"), columns);
    }

    private static ColumnDefinition ReadColumn(Xml xml, XElement a) => new(
        xml.Attr(a, "PhysicalName"),
        xml.Text(a, "LogicalName"),
        xml.Text(a, "Type"),
        Xml.Label(a, "displaynames", "displayname"),
        Xml.Label(a, "Descriptions", "Description"),
        Xml.OptionalText(a, "OptionSetName"),
        Xml.OptionalText(a, "Format"),
        Number(xml, a, "MinValue"),
        Number(xml, a, "MaxValue"),
        a.Element("MaxLength") is null ? null : xml.Int(a, "MaxLength"),
        a.Element("Behavior") is null ? null : xml.Int(a, "Behavior"),
        Xml.OptionalText(a, "IsAuditEnabled") == "1",
        Xml.OptionalText(a, "RequiredLevel") ?? "none",
        a.Element("Accuracy") is null ? null : xml.Int(a, "Accuracy"));

    private static double? Number(Xml xml, XElement a, string name) =>
        Xml.OptionalText(a, name) is not { } text ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value
        : throw xml.Error($"{name} '{text}' is not a number");

    public static IEnumerable<RelationshipDefinition> ReadRelationships(SourceFile file)
    {
        var xml = Xml.Load(file);
        return xml.Root.Elements("EntityRelationship").Select(r => new RelationshipDefinition(
            xml.Attr(r, "Name"),
            xml.Text(r, "EntityRelationshipType"),
            xml.Text(r, "ReferencingEntityName"),
            xml.Text(r, "ReferencedEntityName"),
            xml.Text(r, "ReferencingAttributeName"),
            Xml.OptionalText(r, "CascadeDelete") ?? string.Empty)).ToList();
    }

    public static IReadOnlyList<string> ReadRelationshipIndex(SourceFile file)
    {
        var xml = Xml.Load(file);
        return xml.Root.Elements("EntityRelationship").Select(r => xml.Attr(r, "Name")).ToList();
    }

    public static string EntityFolder(SourceFile file) =>
        file.Folders.Count > 1 ? file.Folders[1] : throw new ArgumentException($"{file.RelativePath} is not under Entities/<name>.", nameof(file));
}
