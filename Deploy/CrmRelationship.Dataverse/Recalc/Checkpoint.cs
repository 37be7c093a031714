using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using CrmRelationship.Dataverse.Http;

namespace CrmRelationship.Dataverse.Recalc;

/// <summary>
/// recalc.checkpoint in <c>--out</c>: the environment, the time of scoring and the settings of a run, then one line per
/// record as soon as Dataverse confirmed its write (flushed to disk batch by batch). <c>--resume</c> continues with the
/// same time and settings and skips the records listed, so an interrupted run (Ctrl+C, lost network, killed process)
/// writes nothing twice and skips nothing: a batch in flight when the run stopped is read back, and its records are
/// found written or still different. A last line cut short by a kill is ignored.
/// </summary>
internal sealed class Checkpoint : IDisposable
{
    public const string FileName = "recalc.checkpoint";
    private const string Magic = "crmrel-recalc-checkpoint 1";

    private readonly FileStream? stream;
    private readonly Dictionary<string, HashSet<Guid>> written;
    private readonly object gate = new();

    private Checkpoint(string path, string environment, DateTime scoredOn, string settings, Dictionary<string, HashSet<Guid>> written, FileStream? stream)
    {
        Path = path;
        Environment = environment;
        ScoredOn = scoredOn;
        Settings = settings;
        this.written = written;
        this.stream = stream;
    }

    public string Path { get; }

    public string Environment { get; }

    public DateTime ScoredOn { get; }

    /// <summary>The fingerprint of the settings the run scores by.</summary>
    public string Settings { get; }

    public static string PathIn(string directory) => System.IO.Path.Combine(directory, FileName);

    /// <summary>Starts a new checkpoint, replacing none (the caller refuses to start over an existing one).</summary>
    public static Checkpoint Create(string path, string environment, DateTime scoredOn, string settings)
    {
        var stream = Open(path, FileMode.CreateNew);
        var header = Magic + "\nenvironment " + environment + "\nscoredon " + scoredOn.ToString("O", CultureInfo.InvariantCulture) + "\nsettings " + settings + "\n";
        var bytes = Encoding.UTF8.GetBytes(header);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
        return new Checkpoint(path, environment, scoredOn, settings, new Dictionary<string, HashSet<Guid>>(StringComparer.Ordinal), stream);
    }

    /// <summary>Reads an interrupted run's checkpoint and opens it to go on appending.</summary>
    public static Checkpoint Resume(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DataverseException("The checkpoint " + path + " cannot be read (" + ex.Message.TrimEnd('.') + "); run crmrel recalc without --resume to start over.", ex);
        }

        var lines = text.Split('\n');
        string? environment = null;
        string? settings = null;
        DateTime? scoredOn = null;
        var written = new Dictionary<string, HashSet<Guid>>(StringComparer.Ordinal);
        if (lines.Length == 0 || lines[0] != Magic)
        {
            throw new DataverseException("The file " + path + " is not a crmrel recalc checkpoint; delete it, or choose another --out, and run again.");
        }

        // The last element is what follows the final newline: a line cut short by a kill, or empty.
        for (var i = 1; i < lines.Length - 1; i++)
        {
            var line = lines[i];
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0)
            {
                continue;
            }

            var key = line[..space];
            var value = line[(space + 1)..];
            switch (key)
            {
                case "environment": environment = value; break;
                case "settings": settings = value; break;
                case "scoredon":
                    scoredOn = DateTime.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
                    break;
                default:
                    if (Guid.TryParse(value, out var id))
                    {
                        if (!written.TryGetValue(key, out var ids))
                        {
                            written[key] = ids = new HashSet<Guid>();
                        }

                        ids.Add(id);
                    }

                    break;
            }
        }

        if (environment is null || settings is null || scoredOn is null)
        {
            throw new DataverseException("The checkpoint " + path + " is incomplete; delete it and run crmrel recalc without --resume to start over.");
        }

        var stream = Open(path, FileMode.Open);
        stream.Seek(0, SeekOrigin.End);
        if (lines[^1].Length > 0)
        {
            // Cut the unfinished line, so appending starts on a line of its own.
            stream.SetLength(stream.Length - Encoding.UTF8.GetByteCount(lines[^1]));
        }

        return new Checkpoint(path, environment, scoredOn.Value, settings, written, stream);
    }

    /// <summary>Records of <paramref name="table"/> this run (or the one it resumes) has written.</summary>
    public bool HasWritten(string table, Guid id)
    {
        lock (gate)
        {
            return written.TryGetValue(table, out var ids) && ids.Contains(id);
        }
    }

    public int WrittenCount(string table)
    {
        lock (gate)
        {
            return written.TryGetValue(table, out var ids) ? ids.Count : 0;
        }
    }

    /// <summary>Appends records Dataverse confirmed written, in one write flushed to disk.</summary>
    public void Record(IEnumerable<RecordChange> changes)
    {
        var text = new StringBuilder();
        lock (gate)
        {
            foreach (var change in changes)
            {
                if (!written.TryGetValue(change.Table, out var ids))
                {
                    written[change.Table] = ids = new HashSet<Guid>();
                }

                ids.Add(change.Id);
                text.Append(change.Table).Append(' ').Append(change.Id.ToString("D")).Append('\n');
            }

            if (stream is not null && text.Length > 0)
            {
                stream.Write(Encoding.UTF8.GetBytes(text.ToString()));
                stream.Flush(flushToDisk: true);
            }
        }
    }

    /// <summary>Removes the file once the run has finished with nothing left to write.</summary>
    public void Delete()
    {
        lock (gate)
        {
            stream?.Dispose();
            File.Delete(Path);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            stream?.Dispose();
        }
    }

    private static FileStream Open(string path, FileMode mode)
    {
        try
        {
            return new FileStream(path, mode, FileAccess.ReadWrite, FileShare.Read);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DataverseException("The checkpoint " + path + " cannot be written (" + ex.Message.TrimEnd('.') + "); choose another --out.", ex);
        }
    }
}
