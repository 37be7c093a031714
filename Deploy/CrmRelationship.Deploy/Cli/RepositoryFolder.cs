using System;
using System.IO;
using CrmRelationship.SolutionModel;

namespace CrmRelationship.Deploy.Cli;

/// <summary>The repository a command works on: found above the current folder, or above crmrel's own folder.</summary>
internal static class RepositoryFolder
{
    /// <summary>The folder holding CrmRelationship.sln, or null when crmrel runs outside the repository.</summary>
    public static string? Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            try
            {
                return SolutionSource.FindRepositoryRoot(start);
            }
            catch (DirectoryNotFoundException)
            {
                // Try the next place.
            }
        }

        return null;
    }
}
