using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;

namespace CrmRelationship.SolutionModel;

// Small, strict accessors: a missing required element is an error naming the file.
internal sealed class Xml
{
    public const int Language = 1033;

    private Xml(string path, XDocument document)
    {
        Path = path;
        Document = document;
    }

    public string Path { get; }

    public XDocument Document { get; }

    public XElement Root => Document.Root ?? throw Error("has no root element");

    public static Xml Load(SourceFile file) => Load(file.FullPath, file.RelativePath);

    public static Xml Load(string fullPath, string displayPath) =>
        new(displayPath, XmlSyntax.Load(fullPath, displayPath, LoadOptions.SetLineInfo));

    public SolutionSourceException Error(string message) => new($"{Path}: {message}");

    public XElement Child(XElement parent, string name) =>
        parent.Element(name) ?? throw Error($"<{parent.Name.LocalName}> has no <{name}>");

    public string Text(XElement parent, string name) => Child(parent, name).Value.Trim();

    public static string? OptionalText(XElement parent, string name) => parent.Element(name)?.Value.Trim();

    public string Attr(XElement element, string name) =>
        element.Attribute(name)?.Value ?? throw Error($"<{element.Name.LocalName}> has no {name} attribute");

    public int Int(XElement parent, string name) => ParseInt(Text(parent, name), name);

    public int ParseInt(string text, string what) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error($"{what} '{text}' is not a whole number");

    public Guid ParseGuid(string text, string what) =>
        Guid.TryParse(text, out var value) ? value : throw Error($"{what} '{text}' is not a GUID");

    public Guid GuidText(XElement parent, string name) => ParseGuid(Text(parent, name), name);

    /// <summary>The 1033 description of the first child element named <paramref name="item"/> under <paramref name="collection"/>.</summary>
    public static string Label(XElement parent, string collection, string item) =>
        parent.Element(collection)?.Elements(item)
            .FirstOrDefault(e => (string?)e.Attribute("languagecode") == "1033")?.Attribute("description")?.Value
        ?? string.Empty;

    public static IReadOnlyList<string> CommaList(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? Array.Empty<string>()
            : text!.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
}
