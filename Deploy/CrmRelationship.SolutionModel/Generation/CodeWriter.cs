using System.Text;

namespace CrmRelationship.SolutionModel.Generation;

/// <summary>Lines with four-space indentation and LF line ends, whatever the machine, so the output is the same everywhere.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder text = new();
    private int depth;

    public CodeWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            text.Append(' ', depth * 4).Append(line);
        }

        text.Append('\n');
        return this;
    }

    public CodeWriter Indent()
    {
        depth++;
        return this;
    }

    public CodeWriter Outdent()
    {
        depth--;
        return this;
    }

    /// <summary>A line that opens a bracket (TypeScript style); the body is indented until <see cref="Close"/>.</summary>
    public CodeWriter Open(string open) => Line(open).Indent();

    /// <summary>A C# block: the header, then the brace on a line of its own; the body is indented until <see cref="Close"/>.</summary>
    public CodeWriter Block(string header) => Line(header).Line("{").Indent();

    public CodeWriter Close(string close) => Outdent().Line(close);

    public override string ToString() => text.ToString();
}
