using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace CrmRelationship.Solution.Tests.Packing;

/// <summary>
/// One kind of component element as solutions that Dataverse itself exports write it: the children that
/// occur, in the order the export writes them, and the children every real export has. Facts only (element
/// names and order, read from the public exports named in <see cref="SeenIn"/>); no exported file is copied.
/// </summary>
/// <param name="Kind">The element's name, as the failure messages call it.</param>
/// <param name="Order">Every child a real export writes for this kind, in the order it writes them.</param>
/// <param name="Required">The children every real export seen has.</param>
/// <param name="SeenIn">Where the facts were read (repository and path, year of the export).</param>
/// <param name="Find">The elements of this kind in one packed zip.</param>
internal sealed record ExportShape(
    string Kind,
    IReadOnlyList<string> Order,
    IReadOnlyList<string> Required,
    string SeenIn,
    Func<PackedZipContent, IEnumerable<XElement>> Find)
{
    /// <summary>Every way <paramref name="element"/> departs from the shape, one line each.</summary>
    public IEnumerable<string> ProblemsOf(XElement element)
    {
        var children = element.Elements().Select(e => e.Name.LocalName).ToList();
        var where = $"<{Kind}> {KeyOf(element)}";
        foreach (var unknown in children.Where(c => !Order.Contains(c)).Distinct())
        {
            yield return $"{where}: <{unknown}> is not a child real exports write here";
        }

        foreach (var missing in Required.Where(r => !children.Contains(r)))
        {
            yield return $"{where}: no <{missing}>";
        }

        var known = children.Where(Order.Contains).ToList();
        if (!known.SequenceEqual(known.OrderBy(c => Order.ToList().IndexOf(c))))
        {
            yield return $"{where}: children in the order {string.Join(", ", known)}, not as exports write them ({string.Join(", ", Order.Where(known.Contains))})";
        }
    }

    /// <summary>A name, id or value that tells the reader which element a message is about.</summary>
    public static string KeyOf(XElement element) =>
        new[]
            {
                (string?)element.Attribute("Name"), (string?)element.Attribute("PhysicalName"), (string?)element.Attribute("uniquename"),
                (string?)element.Attribute("name"), (string?)element.Attribute("id"), (string?)element.Attribute("value"),
                element.Element("UniqueName")?.Value, element.Element("SiteMapUniqueName")?.Value, element.Element("Name")?.Value,
                element.Element("formid")?.Value, element.Element("savedqueryid")?.Value, element.Element("savedqueryvisualizationid")?.Value,
                element.Element("SdkMessageProcessingStepImageId")?.Value,
            }
            .FirstOrDefault(k => !string.IsNullOrEmpty(k)) ?? "(unnamed)";
}
