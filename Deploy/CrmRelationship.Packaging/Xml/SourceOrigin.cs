using System.Linq;
using System.Xml.Linq;

namespace CrmRelationship.Packaging.Xml;

/// <summary>
/// Annotation on a packed element naming the unpacked file it came from, so that a schema problem in
/// the packed customizations.xml can point the author at the file to fix.
/// </summary>
public sealed record SourceOrigin(string Path)
{
    public static void Mark(XElement element, string path)
    {
        element.RemoveAnnotations<SourceOrigin>();
        element.AddAnnotation(new SourceOrigin(path));
    }

    /// <summary>The origin of the element (or attribute's element), or of its nearest marked ancestor.</summary>
    public static string? Of(XObject? node)
    {
        var element = node as XElement ?? node?.Parent;
        return element?.AncestorsAndSelf().Select(e => e.Annotation<SourceOrigin>()).FirstOrDefault(o => o is not null)?.Path;
    }

    /// <summary>Copies the marks of <paramref name="from"/> onto <paramref name="to"/>, a re-parsed copy with the same elements.</summary>
    public static void CopyMarks(XElement from, XElement to)
    {
        foreach (var (source, copy) in from.DescendantsAndSelf().Zip(to.DescendantsAndSelf()))
        {
            if (source.Annotation<SourceOrigin>() is { } origin)
            {
                copy.AddAnnotation(origin);
            }
        }
    }
}
