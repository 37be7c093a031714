using System.Text;

namespace CrmRelationship.Scoring;

/// <summary>Collects an explanation into a string, for the callers that set it on a column.</summary>
internal sealed class StringExplanationSink : IExplanationSink
{
    private readonly StringBuilder text = new(1024);

    public void Append(string text) => this.text.Append(text);

    public void Append(char character) => text.Append(character);

    public override string ToString() => text.ToString();
}
