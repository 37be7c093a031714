using System;
using System.CommandLine;
using CrmRelationship.Deploy.Cli;
using CrmRelationship.SolutionModel;
using CrmRelationship.SolutionModel.Generation;
using Spectre.Console;

namespace CrmRelationship.Deploy.Commands;

/// <summary>
/// <c>crmrel generate</c>: writes the C# and TypeScript constants (choices, option values, labels, column, Custom API
/// and web resource names, each action's urgency and tier, the stakeholder map's quadrants and colours) from
/// Solution/src and the Scoring library through <see cref="CodeGenerator"/>. Writes only the files whose content
/// changed and prints which. Exit code 0 when the files are current, 1 with one sentence when they cannot all be
/// generated (after an option is added or removed, the C# is written first, so that ActionRanks and ActionColours
/// can name the new enum member before the command runs again).
/// </summary>
public sealed class GenerateCommand : ICliCommand
{
    public Command Create(CliConsole console)
    {
        var command = new Command(
            "generate",
            "Write the C# and TypeScript constants (choices, option values, labels, names) from the solution source; only changed files are written.");
        command.SetAction(_ => Execute(console));
        return command;
    }

    /// <summary>Generates into the repository at <paramref name="repositoryRoot"/> (default: the one crmrel runs in).</summary>
    public static int Execute(CliConsole console, string? repositoryRoot = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        try
        {
            var root = repositoryRoot ?? RepositoryFolder.Find()
                ?? throw new GenerationException("Run crmrel generate inside the CrmRelationship repository: no CrmRelationship.sln was found above the current folder.");
            var code = Generate(root);
            var result = GeneratedFiles.Write(root, code.Files, removeLeftovers: code.IsComplete);
            foreach (var path in result.Written)
            {
                console.Out.MarkupLine("wrote " + Markup.Escape(path));
            }

            foreach (var path in result.Removed)
            {
                console.Out.MarkupLine("removed " + Markup.Escape(path) + " (no longer generated)");
            }

            foreach (var problem in code.Problems)
            {
                console.Error.WriteLine("crmrel generate: " + problem);
            }

            var changed = result.Written.Count + result.Removed.Count;
            console.Out.MarkupLine(changed == 0
                ? $"All {result.Generated} generated files are up to date."
                : $"{changed} of {result.Generated} generated files changed.");
            return code.IsComplete ? 0 : 1;
        }
        catch (Exception ex) when (ex is GenerationException or SolutionSourceException or System.IO.DirectoryNotFoundException)
        {
            console.Error.WriteLine("crmrel generate: " + ex.Message);
            return 1;
        }
#pragma warning disable CA1031 // The last line of defence: one sentence, never a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return console.Unexpected("generate", "generating", ex);
        }
    }

    /// <summary>What a run generates from the repository at <paramref name="repositoryRoot"/>; the staleness test compares it with the committed files.</summary>
    public static GeneratedCode Generate(string repositoryRoot) =>
        CodeGenerator.Generate(SolutionSource.Load(SolutionSource.SourceFolder(repositoryRoot)), ScoringFacts.Read());
}
