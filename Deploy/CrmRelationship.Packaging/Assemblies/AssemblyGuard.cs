using System;
using System.IO;
using System.Linq;
using CrmRelationship.SolutionModel;

namespace CrmRelationship.Packaging.Assemblies;

/// <summary>
/// Refuses to put into a zip what must never ship: the compile-time stand-in of Microsoft.Xrm.Sdk (found by
/// its marker attribute, whatever its file is called), any Microsoft.Xrm.Sdk assembly (the Dataverse sandbox
/// supplies the real one), and a plug-in DLL that is not the build the solution registers (name, version,
/// public key token, .NET Framework 4.6.2, every registered plug-in class).
/// </summary>
public static class AssemblyGuard
{
    public const string XrmSdkName = "Microsoft.Xrm.Sdk";
    public const string PluginFramework = ".NETFramework,Version=v4.6.2";

    /// <summary>Checks one file about to be stored under <paramref name="packedPath"/>.</summary>
    /// <param name="display">How to name the file read (its repository-relative path).</param>
    /// <param name="registration">The plug-in assembly registration whose FileName is <paramref name="packedPath"/>, if any.</param>
    /// <exception cref="PackException">The file must not be packed.</exception>
    public static void Check(string packedPath, byte[] content, string display, PluginAssemblyRegistration? registration)
    {
        ArgumentNullException.ThrowIfNull(packedPath);
        if (string.Equals(Path.GetFileName(packedPath), XrmSdkName + ".dll", StringComparison.OrdinalIgnoreCase))
        {
            throw new PackException(
                $"Refusing to pack {display} as {packedPath}: Microsoft.Xrm.Sdk.dll is supplied by the Dataverse sandbox and must not be in a solution.");
        }

        var facts = AssemblyFacts.TryRead(content);
        if (facts is not null)
        {
            CheckNotSdk(facts, display);
        }

        if (registration is null)
        {
            return;
        }

        if (facts is null)
        {
            throw new PackException($"{display} is not a .NET assembly, but the solution registers it as the plug-in assembly {registration.Identity}: rebuild the plug-in project.");
        }

        CheckRegistration(facts, display, registration);
    }

    private static void CheckNotSdk(AssemblyFacts facts, string display)
    {
        if (facts.IsCompileTimeStandIn)
        {
            throw new PackException(
                $"Refusing to pack {display}: it carries the {AssemblyFacts.StandInMarker} marker of the Microsoft.Xrm.Sdk compile-time stand-in, which must never ship; map the Release build of the plug-in project instead.");
        }

        if (string.Equals(facts.Identity.Name, XrmSdkName, StringComparison.OrdinalIgnoreCase))
        {
            throw new PackException(
                $"Refusing to pack {display}: it is {facts.Identity.Name}, which the Dataverse sandbox supplies and a solution must not carry.");
        }
    }

    private static void CheckRegistration(AssemblyFacts facts, string display, PluginAssemblyRegistration registration)
    {
        var expected = registration.Identity;
        var actual = facts.Identity;
        var same = string.Equals(actual.Name, expected.Name, StringComparison.Ordinal)
            && actual.Version == expected.Version
            && string.Equals(actual.Culture, expected.Culture, StringComparison.OrdinalIgnoreCase)
            && string.Equals(actual.PublicKeyToken, expected.PublicKeyToken, StringComparison.OrdinalIgnoreCase);
        if (!same)
        {
            throw new PackException(
                $"{display} is {actual}, but the solution registers {expected}: rebuild the plug-in project, or correct the FullName in {registration.Folder}.");
        }

        if (!string.Equals(facts.TargetFramework, PluginFramework, StringComparison.Ordinal))
        {
            throw new PackException(
                $"{display} targets {facts.TargetFramework ?? "no recorded framework"}, but Dataverse runs plug-ins on .NET Framework 4.6.2: build it with -f net462.");
        }

        var missing = registration.Types.Select(t => t.TypeName).FirstOrDefault(t => !facts.DefinedTypes.Contains(t));
        if (missing is not null)
        {
            throw new PackException(
                $"{display} defines no class {missing}, which {registration.Folder} registers: rebuild the plug-in project, or remove the registration.");
        }
    }
}
