using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using NUnit.Framework;

namespace CrmRelationship.Dataverse.Tests.Support;

/// <summary>
/// crmrel run as its own process, so a test can kill it as a user's machine would. It runs from its own build folder
/// (Deploy/CrmRelationship.Deploy/bin/&lt;configuration&gt;/net10.0): the copy beside the tests lacks the packages the
/// ASP.NET Core framework of the fake provides to the tests but not to crmrel.
/// </summary>
internal static class CrmrelProcess
{
    public static Process Start(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var testDirectory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        var configuration = testDirectory.Parent!.Name;
        var dll = Path.Combine(FakeEnvironment.RepositoryRoot, "Deploy", "CrmRelationship.Deploy", "bin", configuration, testDirectory.Name, "crmrel.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = TestContext.CurrentContext.TestDirectory,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var variable in new[] { "DATAVERSE_TOKEN", "DATAVERSE_URL", "AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET", "AZURE_CLIENT_CERTIFICATE_PATH" })
        {
            start.Environment.Remove(variable);
        }

        foreach (var pair in environment)
        {
            start.Environment[pair.Key] = pair.Value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    }
}
