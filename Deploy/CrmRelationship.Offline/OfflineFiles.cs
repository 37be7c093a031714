using System;
using System.IO;
using CrmRelationship.Offline.Columns;
using CrmRelationship.Offline.Csv;
using CrmRelationship.Scoring;

namespace CrmRelationship.Offline;

/// <summary>
/// Opening the offline scorer's files: settings, input CSVs and their headers, the output folder and
/// output CSVs. Every failure becomes a <see cref="ScoreInputException"/> with one sentence that says
/// what to do (exit code 1).
/// </summary>
internal static class OfflineFiles
{
    public static ScoringSettings LoadSettings(string? path)
    {
        if (path is null)
        {
            return ScoringSettings.Default;
        }

        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ScoreInputException("The settings file " + path + " cannot be read (" + Reason(ex) + ").", ScoreInputChoice.SettingsPath, ex);
        }

        try
        {
            return ScoringSettings.Parse(json);
        }
        catch (ScoringSettingsException ex)
        {
            throw new ScoreInputException("Fix the setting '" + ex.Key + "' in " + path + " and run again: " + ex.Message.TrimEnd('.') + ".", ex);
        }
    }

    public static CsvReader OpenCsv(string path, string what, ScoreInputChoice choice)
    {
        Stream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ScoreInputException("The " + what + " file " + path + " cannot be read (" + Reason(ex) + ").", choice, ex);
        }

        return new CsvReader(stream);
    }

    public static CsvLayout ReadHeader(CsvReader reader, string path, string what, string[] required, string[] optional, string[] computed)
    {
        var header = new CsvRow();
        if (!reader.Read(header))
        {
            throw new ScoreInputException("The " + what + " file " + path + " is empty; it needs a header row of logical names, starting with " + required[0] + ".");
        }

        if (header.Error != CsvRowError.None)
        {
            throw new ScoreInputException("The header row of the " + what + " file " + path
                + (header.Error is CsvRowError.UnclosedQuote or CsvRowError.TextAfterQuote ? " has broken quoting" : " is too long to be a header row")
                + "; fix the first line and run again.");
        }

        return CsvLayout.Bind(header, required, optional, computed, path, what);
    }

    /// <summary>
    /// Creates the output folder if needed and refuses one that would write over an input (the same file
    /// by identity, however it is reached) or that holds a folder under an output's name; nothing is
    /// written yet. The outputs are then written through the returned <see cref="OutputFiles"/>.
    /// </summary>
    public static OutputFiles PrepareOutputDirectory(string outputDirectory, Func<string, Stream> createFile, params string?[] inputs)
    {
        string directory;
        bool created;
        try
        {
            directory = Path.GetFullPath(outputDirectory);
            created = !Directory.Exists(directory);
            Directory.CreateDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ScoreInputException("The output folder " + outputDirectory + " cannot be created (" + Reason(ex) + ").", ScoreInputChoice.OutputDirectory, ex);
        }

        foreach (var name in OfflineScoring.OutputFileNames)
        {
            var output = Path.Combine(directory, name);
            foreach (var input in inputs)
            {
                if (input is not null && FileIdentity.Same(input, output))
                {
                    throw new ScoreInputException(
                        string.Equals(Path.GetFullPath(input), output, StringComparison.Ordinal)
                            ? "The output folder " + directory + " holds the input file " + name + ", which scoring would overwrite."
                            : "The input file " + input + " is the output file " + output + " reached another way (through a link), which scoring would overwrite.",
                        ScoreInputChoice.OutputDirectory);
                }
            }

            if (Directory.Exists(output))
            {
                throw new ScoreInputException("The output folder " + directory + " holds a folder named " + name + " where that file goes.", ScoreInputChoice.OutputDirectory);
            }
        }

        return new OutputFiles(directory, created, createFile);
    }

    /// <summary>Creates a CSV file for rows other code builds (crmrel export, recalc's changes.csv); a failure names the file.</summary>
    public static CsvWriter CreateCsv(string path)
    {
        Stream stream;
        try
        {
            stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ScoreInputException("The output file " + path + " cannot be written (" + Reason(ex) + ").", ScoreInputChoice.OutputFile, ex);
        }

        return new CsvWriter(stream, excelSafe: false);
    }

    public static void WriteHeader(CsvWriter writer, string[] header)
    {
        foreach (var name in header)
        {
            writer.Write(name);
        }

        writer.EndRecord();
    }

    public static string Reason(Exception ex) => ex switch
    {
        FileNotFoundException => "it does not exist",
        DirectoryNotFoundException => "its folder does not exist",
        UnauthorizedAccessException => "access is denied, or it is a folder",
        _ => ex.Message.TrimEnd('.'),
    };
}
