using System;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace CrmRelationship.SolutionModel;

/// <summary>
/// Loads an XML file so that a syntax error names the file, the line and the position, and words that error
/// in one sentence. Every XML file the solution model and the packer read (source files, the mapping file,
/// Microsoft's XSDs) is loaded here or has its syntax error worded by <see cref="Describe"/>, because
/// XmlException's own message names no file.
/// </summary>
public static class XmlSyntax
{
    private static readonly Regex LineSuffix = new(@"\s*Line \d+, position \d+\.?\s*$", RegexOptions.CultureInvariant);

    /// <summary>Reads <paramref name="fullPath"/>.</summary>
    /// <param name="displayPath">How errors name the file (e.g. its path relative to Solution/src).</param>
    /// <exception cref="SolutionSourceException">The file is not well-formed; its File is <paramref name="displayPath"/>.</exception>
    public static XDocument Load(string fullPath, string displayPath, LoadOptions options = LoadOptions.None)
    {
        try
        {
            return XDocument.Load(fullPath, options);
        }
        catch (XmlException ex)
        {
            throw new SolutionSourceException(displayPath, ex);
        }
    }

    /// <summary>"&lt;path&gt; is not well-formed XML at line L, position P (reason): &lt;advice&gt;."</summary>
    public static string Describe(string displayPath, XmlException error, string advice = "fix the file")
    {
        if (error is null)
        {
            throw new ArgumentNullException(nameof(error));
        }

        return $"{displayPath} is not well-formed XML at line {error.LineNumber}, position {error.LinePosition} ({Reason(error)}): {advice}.";
    }

    /// <summary>The parser's message without the " Line L, position P." it appends, and without its final period.</summary>
    public static string Reason(XmlException error)
    {
        if (error is null)
        {
            throw new ArgumentNullException(nameof(error));
        }

        return LineSuffix.Replace(error.Message, string.Empty).TrimEnd('.');
    }

    /// <summary>The local file an XmlException was read from (its SourceUri), or null.</summary>
    public static string? FileOf(XmlException error) =>
        error is not null && Uri.TryCreate(error.SourceUri, UriKind.Absolute, out var uri) && uri.IsFile ? uri.LocalPath : null;

    /// <summary>
    /// A schema set's event handler that keeps the set's own behaviour (errors throw, warnings pass) except that
    /// an XSD or an included XSD that is not well-formed (which the set reports only as a warning, and then as
    /// types that are not declared) throws <see cref="SolutionSourceException"/> naming that file.
    /// </summary>
    public static void ThrowOnSchemaProblem(object? sender, ValidationEventArgs e)
    {
        if (e is null)
        {
            throw new ArgumentNullException(nameof(e));
        }

        // A file included by an included file fails inside the loading of its parent, which reports our exception
        // as one more warning: the chain is walked so that the innermost file is the one named.
        for (var inner = e.Exception?.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SolutionSourceException { SyntaxError: not null } named)
            {
                throw named;
            }

            if (inner is XmlException syntax)
            {
                throw new SolutionSourceException(FileOf(syntax) ?? syntax.SourceUri ?? "an XSD", syntax);
            }
        }

        if (e.Severity == XmlSeverityType.Error)
        {
            throw e.Exception ?? new XmlSchemaException(e.Message);
        }
    }
}
