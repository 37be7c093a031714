using System;
using System.Collections.Generic;
using System.IO;

namespace CrmRelationship.Offline;

/// <summary>
/// The files one run writes, all or none. Each is written to a temporary file in the output folder
/// (so that moving it into place is a rename on the same volume); <see cref="Commit"/> moves them into
/// place once the whole run has succeeded, first moving each previous output aside and putting it back
/// if a later move fails. A run that stops before (bad input, a full disk, a file that cannot be
/// written) leaves the previous outputs as they were: disposing without a commit deletes the temporary
/// files, and the output folder too when the run created it and it is still empty.
/// </summary>
internal sealed class OutputFiles : IDisposable
{
    private readonly string directory;
    private readonly bool createdDirectory;
    private readonly Func<string, Stream> createFile;
    private readonly string tag = Guid.NewGuid().ToString("N")[..12];
    private readonly List<(string Temporary, string Final)> files = new(OfflineScoring.OutputFileNames.Count);
    private bool committed;

    /// <param name="directory">The output folder, which exists.</param>
    /// <param name="createdDirectory">Whether this run created it (it is removed again when the run stops and leaves it empty).</param>
    /// <param name="createFile">Creates a file to write (tests pass one that fails as a full disk does).</param>
    public OutputFiles(string directory, bool createdDirectory, Func<string, Stream> createFile)
    {
        this.directory = directory;
        this.createdDirectory = createdDirectory;
        this.createFile = createFile;
    }

    /// <summary>The output folder's full path.</summary>
    public string Folder => directory;

    /// <summary>A stream for the output file <paramref name="name"/>, written under a temporary name until <see cref="Commit"/>.</summary>
    public Stream Create(string name)
    {
        var final = Path.Combine(directory, name);
        var temporary = Path.Combine(directory, "." + name + "." + tag + ".tmp");
        files.Add((temporary, final));
        try
        {
            return createFile(temporary);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ScoreInputException("The output folder " + directory + " cannot be written (" + OfflineFiles.Reason(ex) + ").", ScoreInputChoice.OutputDirectory, ex);
        }
    }

    /// <summary>Moves every written file into place; the streams must be closed. On failure the previous outputs are put back.</summary>
    public void Commit()
    {
        var moved = new List<(string Final, string? Previous, bool Placed)>(files.Count);
        try
        {
            foreach (var (temporary, final) in files)
            {
                string? previous = null;
                if (File.Exists(final) || new FileInfo(final).LinkTarget is not null)
                {
                    previous = Path.Combine(directory, "." + Path.GetFileName(final) + "." + tag + ".old");
                    File.Move(final, previous);
                }

                moved.Add((final, previous, false));
                File.Move(temporary, final);
                moved[^1] = (final, previous, true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var failed = moved.Count < files.Count ? files[moved.Count].Final : moved[^1].Final;
            PutBack(moved);
            throw new ScoreInputException("The output file " + failed + " cannot be replaced (" + OfflineFiles.Reason(ex) + ").", ScoreInputChoice.OutputFile, ex);
        }

        committed = true;
        foreach (var (_, previous, _) in moved)
        {
            if (previous is not null)
            {
                TryDelete(previous);
            }
        }
    }

    public void Dispose()
    {
        if (committed)
        {
            return;
        }

        foreach (var (temporary, _) in files)
        {
            TryDelete(temporary);
        }

        if (createdDirectory)
        {
            try
            {
                Directory.Delete(directory);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Not empty (someone else's file) or in use: it stays.
            }
        }
    }

    private static void PutBack(List<(string Final, string? Previous, bool Placed)> moved)
    {
        for (var i = moved.Count - 1; i >= 0; i--)
        {
            var (final, previous, placed) = moved[i];
            try
            {
                if (placed)
                {
                    File.Delete(final);
                }

                if (previous is not null)
                {
                    File.Move(previous, final);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Nothing more can be done here; the previous output keeps its .old name beside the final one.
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A temporary file still held open elsewhere: it stays, under its hidden name.
        }
    }
}
