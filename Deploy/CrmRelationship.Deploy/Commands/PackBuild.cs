using System;
using System.Diagnostics;
using System.IO;
using CrmRelationship.Packaging;

namespace CrmRelationship.Deploy.Commands;

/// <summary>
/// The builds <c>crmrel pack</c> runs before packing: the plug-in assembly (Release, net462, the output
/// Solution/map.xml points at) and the web resources (npm ci when node_modules is missing, then npm run
/// bundle). Their output goes to pack-build.log in the output folder; a failure is one sentence naming it.
/// </summary>
internal sealed class PackBuild(string repositoryRoot, string outputDirectory, Action<string> progress)
{
    public const string PluginProject = "Plugins/CrmRelationship.Plugins";

    public void Run()
    {
        var log = Path.Combine(outputDirectory, "pack-build.log");
        WriteLog(log, () => File.WriteAllText(log, string.Empty));

        progress($"Building the plug-in assembly: dotnet build {PluginProject} -c Release -f net462");
        Step(log, repositoryRoot, "dotnet", ["build", PluginProject, "-c", "Release", "-f", "net462", "-nologo"], "the plug-in build");

        var webResources = Path.Combine(repositoryRoot, "WebResources");
        if (!File.Exists(Path.Combine(webResources, "package.json")))
        {
            return;
        }

        if (!Directory.Exists(Path.Combine(webResources, "node_modules")))
        {
            progress("Installing the web resources' packages: npm ci");
            Step(log, webResources, "npm", ["ci", "--no-audit", "--no-fund"], "npm ci in WebResources");
        }

        progress("Bundling the web resources: npm run bundle");
        Step(log, webResources, "npm", ["run", "bundle"], "npm run bundle in WebResources");
    }

    private void WriteLog(string log, Action write)
    {
        try
        {
            write();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Packaging.Output.OutputFolder.CannotWrite(
                log, outputDirectory, "the build log", ex, path => Packaging.Mapping.MissingFileAdvice.Display(path, repositoryRoot), "nothing was packed");
        }
    }

    private void Step(string log, string directory, string program, string[] arguments, string what)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var logName = Packaging.Mapping.MissingFileAdvice.Display(log, repositoryRoot);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new PackException($"{program} could not be started for {what}.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new PackException($"{program} is needed for {what} but could not be started ({ex.Message.TrimEnd('.')}): install it, or pack with --no-build.", ex);
        }

        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            WriteLog(log, () => File.AppendAllText(log, $"$ {program} {string.Join(' ', arguments)}   (in {directory}){Environment.NewLine}{output}{errors.Result}{Environment.NewLine}"));
            if (process.ExitCode != 0)
            {
                throw new PackException($"{what} failed with exit code {process.ExitCode}: its output is in {logName}.");
            }
        }
    }
}
