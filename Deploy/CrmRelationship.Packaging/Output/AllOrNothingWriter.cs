using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CrmRelationship.Packaging.Output;

/// <summary>
/// Puts the zips of one pack into the output folder all or nothing. Each zip is first written in full (and
/// flushed to the disk) under a temporary name beside its final one; only when every zip is complete does each
/// take its final name by a rename, the zip it replaces kept under a second temporary name until the last one is
/// in place. A failure at any step deletes what this run wrote and renames the previous zips back, so that the
/// folder is exactly as it was and no temporary file is left.
/// </summary>
internal static class AllOrNothingWriter
{
    public const string Unchanged = "the previous zips are unchanged";

    /// <param name="files">The zips, each with its final path; all in one folder.</param>
    /// <param name="create">Opens a new file for writing (<see cref="PackOptions.CreateFile"/>).</param>
    /// <exception cref="PackException">A zip could not be written or moved into place; nothing was changed.</exception>
    public static void Write(IReadOnlyList<(string Path, byte[] Bytes)> files, Func<string, Stream> create, Func<string, string> display)
    {
        if (files.Count == 0)
        {
            return;
        }

        var folder = Path.GetDirectoryName(files[0].Path)!;
        OutputFolder.Create(folder, display);
        if (files.FirstOrDefault(f => Directory.Exists(f.Path)).Path is { } taken)
        {
            throw OutputFolder.IsAFolder(taken, "the zip", display);
        }

        var run = Guid.NewGuid().ToString("N")[..8];
        var temporary = files.Select(f => $"{f.Path}.{run}.tmp").ToList();
        var kept = new List<(string Final, string Previous)>();
        var placed = new List<string>();
        var current = files[0].Path;
        try
        {
            for (var i = 0; i < files.Count; i++)
            {
                current = files[i].Path;
                WriteFile(temporary[i], files[i].Bytes, create);
            }

            for (var i = 0; i < files.Count; i++)
            {
                current = files[i].Path;
                if (File.Exists(current))
                {
                    var previous = $"{current}.{run}.previous";
                    File.Move(current, previous);
                    kept.Add((current, previous));
                }

                File.Move(temporary[i], current);
                placed.Add(current);
            }
        }
        catch (Exception ex)
        {
            var lost = Undo(temporary, placed, kept);
            if (!OutputFolder.IsWriteFailure(ex))
            {
                throw;
            }

            throw OutputFolder.CannotWrite(
                current, folder, "the zip", ex, display,
                lost.Count == 0 ? Unchanged : $"the previous {string.Join(" and ", lost.Select(l => $"{display(l.Final)} is kept as {display(l.Previous)}"))}");
        }

        foreach (var (_, previous) in kept)
        {
            TryDelete(previous);
        }
    }

    private static void WriteFile(string path, byte[] bytes, Func<string, Stream> create)
    {
        using var stream = create(path);
        stream.Write(bytes);
        if (stream is FileStream file)
        {
            file.Flush(flushToDisk: true);
        }
        else
        {
            stream.Flush();
        }
    }

    // Deletes this run's files and renames the previous zips back; returns the previous zips it could not put back.
    private static List<(string Final, string Previous)> Undo(List<string> temporary, List<string> placed, List<(string Final, string Previous)> kept)
    {
        placed.ForEach(TryDelete);
        temporary.ForEach(TryDelete);
        var lost = new List<(string Final, string Previous)>();
        foreach (var (final, previous) in kept)
        {
            try
            {
                File.Move(previous, final);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                lost.Add((final, previous));
            }
        }

        return lost;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the error being reported already says what failed.
        }
    }
}
