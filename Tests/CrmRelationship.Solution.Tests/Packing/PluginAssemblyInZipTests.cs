using System;
using System.Linq;
using System.Text;
using CrmRelationship.Packaging;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests.Packing;

/// <summary>
/// The DLL inside each zip is the strong-named .NET Framework 4.6.2 build the solution registers, and no
/// entry is Microsoft.Xrm.Sdk or carries the compile-time stand-in's marker.
/// </summary>
[TestFixture]
public sealed class PluginAssemblyInZipTests
{
    private const string Marker = "CrmRelationship.CompileTimeStandIn";
    private static readonly PackageType[] Types = [PackageType.Unmanaged, PackageType.Managed];

    [TestCaseSource(nameof(Types))]
    public void PluginDll_Metadata_IsTheRegisteredStrongNamedNet462Build(PackageType type)
    {
        var metadata = AssemblyMetadata.TryRead(PackRun.Both[type].Content(PackRun.PluginDllSourcePath))!;
        var registered = PackRun.PluginAssembly.Identity;

        Assert.That(
            (metadata.Name, metadata.Version.ToString(), metadata.PublicKeyToken, metadata.TargetFramework),
            Is.EqualTo((registered.Name, registered.Version, registered.PublicKeyToken, ".NETFramework,Version=v4.6.2")));
    }

    [TestCaseSource(nameof(Types))]
    public void PluginDll_Token_IsNotNull(PackageType type)
    {
        var metadata = AssemblyMetadata.TryRead(PackRun.Both[type].Content(PackRun.PluginDllSourcePath))!;

        Assert.That(metadata.PublicKeyToken, Does.Match("^[0-9a-f]{16}$"));
    }

    [TestCaseSource(nameof(Types))]
    public void ZipEntries_NoneIsMicrosoftXrmSdk(PackageType type)
    {
        var zip = PackRun.Both[type];
        var sdk = zip.Entries.Where(e =>
            e.Name.Split('/')[^1].Equals("Microsoft.Xrm.Sdk.dll", StringComparison.OrdinalIgnoreCase)
            || AssemblyMetadata.TryRead(e.Content)?.Name == "Microsoft.Xrm.Sdk");

        Assert.That(sdk.Select(e => e.Name), Is.Empty);
    }

    [TestCaseSource(nameof(Types))]
    public void ZipEntries_NoneCarriesTheStandInMarker(PackageType type)
    {
        var marker = Encoding.UTF8.GetBytes(Marker);
        var marked = PackRun.Both[type].Entries.Where(e =>
            e.Content.AsSpan().IndexOf(marker) >= 0
            || (AssemblyMetadata.TryRead(e.Content)?.Metadata.Any(m => m.Key == Marker) ?? false));

        Assert.That(marked.Select(e => e.Name), Is.Empty);
    }

    [Test]
    public void StandInSdk_BuiltBesideThePlugin_CarriesTheMarkerTheGuardLooksFor()
    {
        var metadata = AssemblyMetadata.TryRead(System.IO.File.ReadAllBytes(PackRun.StandInSdk))!;

        Assert.That(metadata.Metadata, Does.Contain((Marker, "true")));
    }
}
