using System;
using System.Globalization;
using System.IO;
using System.Threading;

namespace CrmRelationship.Dataverse.Http;

/// <summary>
/// The log of a command's requests: one line for every failed attempt, retried or not, with its
/// client-request-id (which Microsoft support can trace), the status, the Dataverse error code and the wait
/// before the retry. Never a header, a token or a record's data. Counts the retries for the summary.
/// </summary>
public sealed class RequestLog
{
    private readonly TextWriter? writer;
    private readonly Lock gate = new();
    private int retries;
    private int failures;

    /// <param name="writer">Where lines go (a log file, stderr), or null to only count.</param>
    public RequestLog(TextWriter? writer)
    {
        this.writer = writer;
    }

    /// <summary>Attempts that failed and were tried again.</summary>
    public int Retries => Volatile.Read(ref retries);

    /// <summary>Requests that failed for good.</summary>
    public int Failures => Volatile.Read(ref failures);

    internal void Retrying(string request, string outcome, string? clientRequestId, int attempt, TimeSpan delay, bool fromRetryAfter)
    {
        Interlocked.Increment(ref retries);
        Write(
            request + " " + outcome + " client-request-id=" + (clientRequestId ?? "-") + " attempt " + attempt.ToString(CultureInfo.InvariantCulture)
            + "; retrying in " + Seconds(delay) + (fromRetryAfter ? " (Retry-After)" : " (backoff)"));
    }

    internal void Failed(string request, DataverseException error)
    {
        Interlocked.Increment(ref failures);
        Write(request + " failed: " + error.Message);
    }

    /// <summary>A line of the command's own (a decision, a batch split), in the same log.</summary>
    public void Note(string text) => Write(text);

    internal static string Seconds(TimeSpan delay) =>
        delay.TotalSeconds.ToString(delay.TotalSeconds % 1 == 0 ? "0" : "0.###", CultureInfo.InvariantCulture) + " s";

    private void Write(string line)
    {
        if (writer is null)
        {
            return;
        }

        lock (gate)
        {
            writer.WriteLine(DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) + " " + line);
            writer.Flush();
        }
    }
}
