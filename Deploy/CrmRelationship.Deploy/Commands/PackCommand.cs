using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using CrmRelationship.Deploy.Cli;
using CrmRelationship.Packaging;
using CrmRelationship.Packaging.Output;
using CrmRelationship.SolutionModel;
using Spectre.Console;

namespace CrmRelationship.Deploy.Commands;

/// <summary>
/// <c>crmrel pack</c>: builds the plug-in assembly and the web resources (unless --no-build), then packs
/// Solution/src with Solution/map.xml into CrmRelationship_&lt;version&gt;.zip and/or …_managed.zip through
/// <see cref="SolutionPacker"/>. Exit code 0 when the zips are written, 1 with one sentence otherwise.
/// </summary>
public sealed class PackCommand : ICliCommand
{
    public Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var output = new Option<string>("--out")
        {
            Description = "Folder for the zips (default: ./out).",
            HelpName = "DIR",
            DefaultValueFactory = _ => "out",
        };
        var type = new Option<string>("--type")
        {
            Description = "unmanaged, managed or both (default: both).",
            HelpName = "unmanaged|managed|both",
            DefaultValueFactory = _ => "both",
        };
        var version = new Option<string?>("--version")
        {
            Description = "Solution version to stamp, x.y.z.w (default: the version in Solution/src/Other/Solution.xml).",
            HelpName = "x.y.z.w",
        };
        var noBuild = new Option<bool>("--no-build")
        {
            Description = "Pack the existing build outputs without building the plug-in assembly and the web resources first.",
        };
        var schemas = new Option<string?>("--schemas")
        {
            Description = "Folder of Microsoft's solution XSDs (default: the folder in CRMREL_SCHEMAS, else ../shared/schemas beside the repository, else no schema validation).",
            HelpName = "DIR",
        };

        var command = new Command("pack", "Build and pack the solution into the zips an administrator imports (unmanaged and/or managed).")
        {
            output, type, version, noBuild, schemas,
        };
        command.SetAction(parse => Execute(
            new PackRequest(
                parse.GetValue(output) ?? "out",
                parse.GetValue(type) ?? "both",
                parse.GetValue(version),
                parse.GetValue(noBuild),
                parse.GetValue(schemas)),
            console));
        return command;
    }

    /// <summary>Runs the builds and the pack, and prints progress and the summary; never lets a stack trace reach the user.</summary>
    public static int Execute(PackRequest request, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(console);
        try
        {
            var types = ParseTypes(request.Type);
            SolutionVersion? version = null;
            if (request.Version is not null && !SolutionVersion.TryParse(request.Version.Trim(), out version))
            {
                throw new PackException($"--version must be four whole numbers x.y.z.w, such as 1.0.0.1, not '{request.Version}'.");
            }

            var root = RepositoryFolder.Find()
                ?? throw new PackException("Run crmrel pack inside the CrmRelationship repository: no CrmRelationship.sln was found above the current folder.");
            var schemas = FindSchemas(request.SchemaDirectory, root);
            if (string.IsNullOrWhiteSpace(request.OutputDirectory))
            {
                throw new PackException("--out needs a folder for the zips, such as --out out.");
            }

            // Created before the builds, so that an --out that cannot be a folder stops the run at once.
            var outputDirectory = Path.GetFullPath(request.OutputDirectory);
            OutputFolder.Create(outputDirectory, path => Packaging.Mapping.MissingFileAdvice.Display(path, root));
            if (!request.NoBuild)
            {
                new PackBuild(root, outputDirectory, line => Progress(console, line)).Run();
            }

            var options = PackOptions.ForRepository(root, outputDirectory, schemas) with
            {
                Types = types,
                Version = version,
                Progress = line => Progress(console, line),
            };
            var result = SolutionPacker.Pack(options);
            WriteSummary(console.Out, result, root);
            return 0;
        }
        catch (PackException ex)
        {
            console.Error.WriteLine("crmrel pack: " + ex.Message);
            return 1;
        }
#pragma warning disable CA1031 // The last line of defence: one sentence, never a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return console.Unexpected("pack", "packing", ex);
        }
    }

    private static List<PackageType> ParseTypes(string text) => text.Trim().ToLowerInvariant() switch
    {
        "unmanaged" => [PackageType.Unmanaged],
        "managed" => [PackageType.Managed],
        "both" => [PackageType.Unmanaged, PackageType.Managed],
        _ => throw new PackException($"--type must be unmanaged, managed or both, not '{text}'."),
    };

    // Checked before the builds, so that a wrong --schemas or CRMREL_SCHEMAS stops the run at once.
    private static SchemaLocation FindSchemas(string? option, string root)
    {
        try
        {
            return SchemaLocation.Find(option, root);
        }
        catch (SchemaLocationException ex)
        {
            throw new PackException(ex.Message, ex);
        }
    }

    private static void Progress(CliConsole console, string line) => console.Out.MarkupLine("[grey]•[/] " + Markup.Escape(line));

    private static void WriteSummary(IAnsiConsole console, PackResult result, string root)
    {
        var zips = new Table().AddColumns("Zip", "Type", "Size (bytes)", "Entries");
        foreach (var zip in result.Zips)
        {
            zips.AddRow(
                Markup.Escape(Packaging.Mapping.MissingFileAdvice.Display(zip.Path, root)),
                zip.Type.ToString().ToLowerInvariant(),
                zip.Size.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                zip.Entries.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var components = new Table().AddColumns("Component", "Count");
        foreach (var count in result.Components)
        {
            components.AddRow(Markup.Escape(count.Kind), count.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        console.MarkupLine($"Packed version [bold]{result.Version}[/].");
        console.Write(zips);
        console.Write(components);
        if (result.SchemaValidationSkipped is { } skipped)
        {
            console.MarkupLine("[yellow]" + Markup.Escape(skipped) + "[/]");
            return;
        }

        console.MarkupLine("Not checked by the 2018 schemas (known differences):");
        foreach (var difference in result.KnownSchemaDifferences)
        {
            console.MarkupLine("  - " + Markup.Escape(difference));
        }
    }
}

/// <summary>The options of one <c>crmrel pack</c> run, as typed.</summary>
public sealed record PackRequest(string OutputDirectory, string Type, string? Version, bool NoBuild, string? SchemaDirectory);
