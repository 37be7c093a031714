using System;
using System.Xml;

namespace CrmRelationship.SolutionModel;

/// <summary>A source file that cannot be read into the model: not well-formed, missing element, bad value, unknown id.</summary>
public sealed class SolutionSourceException : Exception
{
    public SolutionSourceException()
    {
    }

    public SolutionSourceException(string message)
        : base(message)
    {
    }

    public SolutionSourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The file <paramref name="file"/> is not well-formed (see <see cref="XmlSyntax.Describe"/>).</summary>
    public SolutionSourceException(string file, XmlException syntaxError)
        : base(XmlSyntax.Describe(file, syntaxError), syntaxError)
    {
        File = file;
    }

    /// <summary>The file that is not well-formed, as the reader named it; null for other problems.</summary>
    public string? File { get; }

    /// <summary>The parser's error when <see cref="File"/> is not well-formed.</summary>
    public XmlException? SyntaxError => InnerException as XmlException;
}
