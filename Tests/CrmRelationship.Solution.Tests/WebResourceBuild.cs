using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests;

/// <summary>
/// What the web resources' build wrote to WebResources/dist: the bundles. A missing file is built with npm when
/// WebResources/node_modules is there; otherwise the test fails saying which command to run. The bundles are loaded in a bare Node.js VM context to list the
/// functions they publish, which is what a form's handler names.
/// </summary>
internal static class WebResourceBuild
{
    // Walks the globals a bundle defines (e.g. CrmRelationship.ContactForm.onLoad) and prints the dotted names
    // of its functions as JSON: { "<file>": ["A.B.c", …] }.
    private const string ListFunctions =
        "const vm=require('node:vm'),fs=require('node:fs');const out={};"
        + "for(const f of process.argv.slice(1)){const ctx=vm.createContext({});"
        + "vm.runInContext(fs.readFileSync(f,'utf8'),ctx,{filename:f});const names=[];"
        + "const walk=(o,p,d)=>{for(const k of Object.keys(o)){const v=o[k];const n=p?p+'.'+k:k;"
        + "if(typeof v==='function')names.push(n);else if(v&&typeof v==='object'&&d<4)walk(v,n,d+1);}};"
        + "walk(ctx,'',0);out[f]=names;}console.log(JSON.stringify(out));";

    public static string Folder => Path.Combine(RepositoryPaths.Root, "WebResources");

    public static string Dist => Path.Combine(Folder, "dist");

    /// <summary>The built file of a web resource, e.g. dist/rel_/scripts/contactform.js.</summary>
    public static string BuiltFile(string webResourceName)
    {
        var path = Path.Combine(Dist, webResourceName);
        if (!File.Exists(path))
        {
            Build("bundle", path);
        }

        return path;
    }

    /// <summary>The dotted names of the functions a bundled script publishes.</summary>
    public static IReadOnlyList<string> Functions(string webResourceName)
    {
        var file = BuiltFile(webResourceName);
        var output = Run("node", "WebResources/dist", ["-e", ListFunctions, file]);
        using var document = JsonDocument.Parse(output);
        return document.RootElement.GetProperty(file).EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    private static void Build(string script, string expected)
    {
        var relative = Path.GetRelativePath(RepositoryPaths.Root, expected).Replace('\\', '/');
        var advice = $"{relative} is missing: run 'cd WebResources && npm ci && npm run {script}' and test again.";
        if (!Directory.Exists(Path.Combine(Folder, "node_modules")))
        {
            Assert.Fail(advice + " (WebResources/node_modules is not installed, so the test could not build it.)");
        }

        Run("npm", relative, ["run", "--silent", script]);
        if (!File.Exists(expected))
        {
            Assert.Fail(advice + $" ('npm run {script}' ran but did not write it.)");
        }
    }

    private static string Run(string program, string purpose, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process? started = null;
        try
        {
            started = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Fail($"{program} is needed for {purpose} but could not be started ({ex.Message}); install Node.js 20 or later.");
        }

        using var process = started ?? throw new InvalidOperationException($"Could not start {program}.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Assert.Fail($"{program} failed for {purpose} (exit code {process.ExitCode}): {stderr.Result}");
        }

        return stdout;
    }
}
