using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace CrmRelationship.Packaging.Xml;

/// <summary>
/// Reads unpacked source XML and writes packed XML the way a Dataverse export does: UTF-8 without a BOM,
/// no XML declaration, two-space indentation, CRLF line ends (fixed, so that the bytes do not depend on
/// the machine or on how git checked the files out), no comments.
/// </summary>
public static class PackedXml
{
    public const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";

    private static readonly XmlWriterSettings ExportSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        OmitXmlDeclaration = true,
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\r\n",
        NewLineHandling = NewLineHandling.Replace,
    };

    /// <summary>The root element of a source file, with comments and insignificant whitespace dropped.</summary>
    /// <exception cref="PackException">The file is not well-formed.</exception>
    public static XElement LoadRoot(string path, string displayName)
    {
        try
        {
            var root = XDocument.Load(path, LoadOptions.None).Root
                ?? throw new PackException($"{displayName} has no root element: restore the file.");
            root.DescendantNodesAndSelf().OfType<XComment>().ToList().ForEach(c => c.Remove());
            root.Remove(); // Parentless, so that adding it to the packed tree moves it instead of copying it.
            return root;
        }
        catch (XmlException ex)
        {
            throw new PackException(SolutionModel.XmlSyntax.Describe(displayName, ex), ex);
        }
    }

    /// <summary>The bytes of <paramref name="root"/> as an export writes them.</summary>
    public static byte[] ToExportBytes(XElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, ExportSettings))
        {
            root.Save(writer);
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Makes the root declare xmlns:xsi once and removes the copies that each unpacked file brought along,
    /// as in a packed customizations.xml.
    /// </summary>
    public static void HoistXsiDeclaration(XElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach (var declaration in root.Descendants().Attributes()
                     .Where(a => a.IsNamespaceDeclaration && a.Value == XsiNamespace).ToList())
        {
            declaration.Remove();
        }

        if (root.Attributes().All(a => !(a.IsNamespaceDeclaration && a.Value == XsiNamespace)))
        {
            root.Add(new XAttribute(XNamespace.Xmlns + "xsi", XsiNamespace));
        }
    }
}
