using System;
using System.IO;

namespace CrmRelationship.SolutionModel;

/// <summary>
/// Where Microsoft's solution XSDs are, if anywhere. They are Microsoft's files and never part of the
/// repository, so <c>crmrel pack</c> and the schema tests look for them, in this order: the folder given
/// on the command line (<c>--schemas DIR</c>), the folder in <see cref="EnvironmentVariable"/>, and
/// <c>../shared/schemas</c> beside the checkout. A folder that is named but missing is an error; none
/// named and none beside the checkout means schema validation is skipped, with <see cref="SkipReason"/>.
/// </summary>
public sealed class SchemaLocation
{
    /// <summary>The environment variable that names the XSD folder when <c>--schemas</c> is not given.</summary>
    public const string EnvironmentVariable = "CRMREL_SCHEMAS";

    /// <summary>The file every schema folder must hold (it includes the form, FetchXML and site map schemas).</summary>
    public const string RootSchema = "CustomizationsSolution.xsd";

    /// <summary>What to do when there is no schema folder, in one sentence.</summary>
    public const string HowToTurnOn =
        "pass --schemas DIR or set " + EnvironmentVariable + " to the folder that holds Microsoft's " + RootSchema
        + " (the Schemas download of the Power Apps developer documentation)";

    private SchemaLocation(string? directory, string origin)
    {
        Directory = directory;
        Origin = origin;
    }

    /// <summary>The folder of the XSDs, or null when none was found and validation is skipped.</summary>
    public string? Directory { get; }

    /// <summary>Where the folder came from: "--schemas", <see cref="EnvironmentVariable"/>, "../shared/schemas", or "none".</summary>
    public string Origin { get; }

    /// <summary>The one sentence a pack or a test run prints when it validates nothing against the XSDs.</summary>
    public const string Skipped = "Schema validation skipped: no folder of Microsoft's solution XSDs was found; " + HowToTurnOn + ".";

    /// <summary><see cref="Skipped"/> when no folder was found; null when one was.</summary>
    public string? SkipReason => Directory is null ? Skipped : null;

    /// <summary>Finds the XSD folder for a checkout at <paramref name="repositoryRoot"/>.</summary>
    /// <param name="explicitDirectory">The <c>--schemas</c> value, or null when not given.</param>
    /// <param name="environment">Reads an environment variable (<see cref="Environment.GetEnvironmentVariable(string)"/> in production).</param>
    /// <exception cref="SchemaLocationException">A folder was named (by option or variable) that does not hold the schemas.</exception>
    public static SchemaLocation Find(string? explicitDirectory, string repositoryRoot, Func<string, string?> environment)
    {
        if (repositoryRoot is null)
        {
            throw new ArgumentNullException(nameof(repositoryRoot));
        }

        if (environment is null)
        {
            throw new ArgumentNullException(nameof(environment));
        }

        if (!string.IsNullOrWhiteSpace(explicitDirectory))
        {
            return Named(explicitDirectory!, "--schemas", "--schemas names");
        }

        var fromEnvironment = environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Named(fromEnvironment!, EnvironmentVariable, EnvironmentVariable + " names");
        }

        var beside = Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "schemas"));
        return File.Exists(Path.Combine(beside, RootSchema))
            ? new SchemaLocation(beside, "../shared/schemas")
            : new SchemaLocation(null, "none");
    }

    /// <summary>As <see cref="Find(string?, string, Func{string, string?})"/>, reading the process environment.</summary>
    public static SchemaLocation Find(string? explicitDirectory, string repositoryRoot) =>
        Find(explicitDirectory, repositoryRoot, Environment.GetEnvironmentVariable);

    private static SchemaLocation Named(string directory, string origin, string namedBy)
    {
        var full = Path.GetFullPath(directory.Trim());
        if (!System.IO.Directory.Exists(full))
        {
            throw new SchemaLocationException($"{namedBy} {full}, which is not a folder: {HowToTurnOn}.");
        }

        if (!File.Exists(Path.Combine(full, RootSchema)))
        {
            throw new SchemaLocationException($"{namedBy} {full}, which has no {RootSchema}: {HowToTurnOn}.");
        }

        return new SchemaLocation(full, origin);
    }
}

/// <summary>A schema folder was named that does not hold Microsoft's XSDs; the message says which and what to do.</summary>
public sealed class SchemaLocationException : Exception
{
    public SchemaLocationException(string message)
        : base(message)
    {
    }

    public SchemaLocationException()
    {
    }

    public SchemaLocationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
