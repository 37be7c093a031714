namespace CrmRelationship.Scoring;

/// <summary>
/// Receives an explanation piece by piece, so a caller that only writes it out (the offline scorer's
/// CSV writer) never needs the whole text as a string.
/// </summary>
public interface IExplanationSink
{
    void Append(string text);

    void Append(char character);
}
