using System;
using System.Linq;
using System.Reflection;

namespace CrmRelationship.Tests.Shared;

/// <summary>
/// Paths a test project's file writes into its own assembly metadata at build time (AssemblyMetadata
/// items), so that tests never guess at bin/ layouts or the NuGet cache. Linked into the projects that use it.
/// </summary>
internal static class BuildMetadata
{
    /// <summary>The value of <paramref name="key"/> in <paramref name="assembly"/>'s metadata.</summary>
    /// <exception cref="InvalidOperationException">The build did not write it.</exception>
    public static string Required(Assembly assembly, string key)
    {
        var value = assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;
        if (string.IsNullOrEmpty(value))
        {
            throw new InvalidOperationException(
                $"Assembly metadata '{key}' is missing; build the test project with dotnet build/test, which sets it.");
        }

        return value;
    }
}
