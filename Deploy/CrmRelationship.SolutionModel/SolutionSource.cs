using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace CrmRelationship.SolutionModel;

/// <summary>
/// Reads the parts of the unpacked solution source that code must agree with. Errors name the file
/// and what is wrong, so a broken source stops a pack or a test with a clear message.
/// </summary>
public static class SolutionSource
{
    /// <summary>Finds the repository root (the folder holding CrmRelationship.sln) from <paramref name="start"/> upwards.</summary>
    public static string FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CrmRelationship.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No CrmRelationship.sln found above " + start + ".");
    }

    /// <summary>The unpacked solution folder, Solution/src, under the repository root.</summary>
    public static string SourceFolder(string repositoryRoot) => Path.Combine(repositoryRoot, "Solution", "src");

    /// <summary>Every step in <c>SdkMessageProcessingSteps/*.xml</c>, ordered by file name.</summary>
    public static IReadOnlyList<StepRegistration> LoadSteps(string sourceFolder)
    {
        var folder = Path.Combine(sourceFolder, "SdkMessageProcessingSteps");
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException("The solution source has no SdkMessageProcessingSteps folder: " + folder + ".");
        }

        return Directory.GetFiles(folder, "*.xml")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(LoadStep)
            .ToList();
    }

    /// <summary>Reads one step file.</summary>
    public static StepRegistration LoadStep(string file)
    {
        var root = XDocument.Load(file).Root ?? throw Invalid(file, "it is empty");
        if (root.Name.LocalName != "SdkMessageProcessingStep")
        {
            throw Invalid(file, "its root element is " + root.Name.LocalName + ", not SdkMessageProcessingStep");
        }

        var images = root.Element("SdkMessageProcessingStepImages")?.Elements("SdkMessageProcessingStepImage")
            .Select(image => new StepImage(
                ParseGuid(file, (string?)image.Element("SdkMessageProcessingStepImageId")),
                (string?)image.Attribute("Name") ?? throw Invalid(file, "an image has no Name"),
                (string?)image.Element("EntityAlias") ?? string.Empty,
                ParseInt(file, (string?)image.Element("ImageType"), "ImageType"),
                (string?)image.Element("MessagePropertyName") ?? string.Empty,
                SplitList((string?)image.Element("Attributes"))))
            .ToList() ?? new List<StepImage>();

        return new StepRegistration(
            ParseGuid(file, (string?)root.Attribute("SdkMessageProcessingStepId")),
            (string?)root.Attribute("Name") ?? string.Empty,
            Required(file, root, "PluginTypeName"),
            ParseGuid(file, Required(file, root, "PluginTypeId")),
            SdkMessages.NameOf(ParseGuid(file, Required(file, root, "SdkMessageId"))),
            Required(file, root, "PrimaryEntity"),
            ParseInt(file, Required(file, root, "Stage"), "Stage"),
            ParseInt(file, Required(file, root, "Mode"), "Mode"),
            ParseInt(file, (string?)root.Element("Rank") ?? "1", "Rank"),
            SplitList((string?)root.Element("FilteringAttributes")),
            NullIfEmpty((string?)root.Element("Configuration")),
            images,
            file);
    }

    private static string Required(string file, XElement root, string element) =>
        (string?)root.Element(element) ?? throw Invalid(file, "it has no " + element);

    private static string[] SplitList(string? list) =>
        string.IsNullOrWhiteSpace(list)
            ? Array.Empty<string>()
            : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static Guid ParseGuid(string file, string? text) =>
        Guid.TryParse(text, out var id) ? id : throw Invalid(file, "'" + text + "' is not a GUID");

    private static int ParseInt(string file, string? text, string element) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(file, element + " '" + text + "' is not a whole number");

    private static InvalidDataException Invalid(string file, string problem) =>
        new("The solution source file " + file + " cannot be read: " + problem + ".");
}
