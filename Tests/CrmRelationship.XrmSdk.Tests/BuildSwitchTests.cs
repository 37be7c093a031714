using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using CrmRelationship.XrmSdk.Tests.Metadata;
using NUnit.Framework;

namespace CrmRelationship.XrmSdk.Tests;

/// <summary>
/// Plugins/XrmSdk.targets picks the SDK a consumer compiles against. These tests evaluate a small
/// consumer project that imports it exactly as the plug-in and test projects do, with MSBuild itself.
/// </summary>
[TestFixture]
public sealed class BuildSwitchTests
{
    private string probeDirectory = null!;

    [SetUp]
    public void CreateProbeDirectory()
    {
        // Inside the repository (under this project's ignored obj/) so Directory.Build.props and
        // central package management apply to the probe as they do to real consumers.
        probeDirectory = Path.Combine(TestPaths.RepositoryRoot, "Tests", "CrmRelationship.XrmSdk.Tests", "obj", "xrmsdk-switch-probe", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(probeDirectory);
    }

    [TearDown]
    public void DeleteProbeDirectory() => Directory.Delete(probeDirectory, recursive: true);

    [Test]
    public void Default_ReferencesTheStandInProjectAndCopiesIt()
    {
        // Arrange
        var probe = WriteProbe(copyLocal: null);

        // Act
        var items = Evaluate(probe);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(items.StandIn, Is.Not.Null, "ProjectReference to the stand-in");
            Assert.That(items.StandIn?.GetValueOrDefault("Private"), Is.EqualTo("true"));
            Assert.That(items.Package, Is.Null, "no PackageReference to Microsoft.CrmSdk.CoreAssemblies");
        });
    }

    [Test]
    public void CompileOnlyProject_ReferencesTheStandInWithoutCopyingIt()
    {
        // Arrange
        var probe = WriteProbe(copyLocal: false);

        // Act
        var items = Evaluate(probe);

        // Assert
        Assert.That(items.StandIn?.GetValueOrDefault("Private"), Is.EqualTo("false"));
    }

    [Test]
    public void NugetSwitch_ReferencesTheOfficialPackageInstead()
    {
        // Arrange
        var probe = WriteProbe(copyLocal: null);

        // Act
        var items = Evaluate(probe, "-p:XrmSdk=nuget");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(items.StandIn, Is.Null, "no ProjectReference to the stand-in");
            Assert.That(items.Package, Is.Not.Null, "PackageReference Microsoft.CrmSdk.CoreAssemblies");
            Assert.That(items.Package?.GetValueOrDefault("ExcludeAssets"), Is.Null.Or.Empty);
        });
    }

    [Test]
    public void NugetSwitchOnCompileOnlyProject_ExcludesTheRuntimeAsset()
    {
        // Arrange
        var probe = WriteProbe(copyLocal: false);

        // Act
        var items = Evaluate(probe, "-p:XrmSdk=nuget");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(items.Package?.GetValueOrDefault("ExcludeAssets"), Is.EqualTo("runtime"));
            Assert.That(items.Package?.GetValueOrDefault("PrivateAssets"), Is.EqualTo("all"));
        });
    }

    [Test]
    public void UnknownSwitchValue_FailsTheBuild()
    {
        // Arrange
        var probe = WriteProbe(copyLocal: null);

        // Act
        var (exitCode, output) = RunMsBuild(probe, "-t:XrmSdkValidateSwitch", "-p:XrmSdk=latest");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Not.Zero);
            Assert.That(output, Does.Contain("XrmSdk='latest' is not supported"));
        });
    }

    [Test]
    public void CompileOnlyProjectThatWouldCopyTheSdk_FailsTheBuild()
    {
        // Arrange: something else (here a direct Reference) tries to copy Microsoft.Xrm.Sdk.dll into
        // the output of a project that declared the SDK compile-only.
        var probe = WriteProbe(copyLocal: false, extraItems: $"<Reference Include=\"Microsoft.Xrm.Sdk\"><HintPath>{TestPaths.StandInNet10}</HintPath><Private>true</Private></Reference>");

        // Act
        var (exitCode, output) = RunMsBuild(probe, "-restore", "-t:Build");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Not.Zero);
            Assert.That(output, Does.Contain("Microsoft.Xrm.Sdk.dll would be copied to the output"));
        });
    }

    [Test]
    public void CompileOnlyNet462PlugIn_BuildsAgainstTheStandInAndLeavesItOutOfItsOutput()
    {
        // Arrange: shaped like the deployable plug-in project.
        File.WriteAllText(Path.Combine(probeDirectory, "ProbePlugin.cs"), """
            namespace Probe;

            public sealed class ProbePlugin : Microsoft.Xrm.Sdk.IPlugin
            {
                public void Execute(System.IServiceProvider serviceProvider)
                {
                    var entity = new Microsoft.Xrm.Sdk.Entity("contact");
                    entity["description"] = entity.GetAttributeValue<string>("firstname");
                }
            }
            """);
        var probe = WriteProbe(
            copyLocal: false,
            extraItems: """<Compile Include="ProbePlugin.cs" /><PackageReference Include="Microsoft.NETFramework.ReferenceAssemblies" PrivateAssets="all" />""",
            targetFramework: "net462");
        var output = Path.Combine(probeDirectory, "bin", "Debug", "net462");

        // Act
        var (exitCode, log) = RunMsBuild(probe, "-restore", "-t:Build", "-p:Configuration=Debug");

        // Assert
        Assert.That(exitCode, Is.Zero, log);
        using var built = new MetadataFile(Path.Combine(output, "Probe.dll"));
        var sdk = SdkReferences.Read(built.Reader, "Microsoft.Xrm.Sdk");
        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(Path.Combine(output, "Microsoft.Xrm.Sdk.dll")), Is.False, "the SDK must not be in the plug-in output");
            Assert.That(sdk.SdkAssembly.Version, Is.EqualTo(new Version(9, 0, 0, 0)));
            Assert.That(Convert.ToHexStringLower(sdk.SdkPublicKeyOrToken), Is.EqualTo("31bf3856ad364e35"));
            Assert.That(sdk.Members.Select(m => m.Display), Does.Contain("Microsoft.Xrm.Sdk.DataCollection`2::set_Item(!0,!1) : System.Void").Or.Contain("Microsoft.Xrm.Sdk.Entity::set_Item(System.String,System.Object) : System.Void"));
        });
    }

    private string WriteProbe(bool? copyLocal, string extraItems = "", string targetFramework = "net10.0")
    {
        var copyLocalProperty = copyLocal is { } value ? $"<XrmSdkCopyLocal>{(value ? "true" : "false")}</XrmSdkCopyLocal>" : string.Empty;
        var path = Path.Combine(probeDirectory, "Probe.csproj");
        File.WriteAllText(path, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>{targetFramework}</TargetFramework>
                <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
                {copyLocalProperty}
              </PropertyGroup>
              <ItemGroup>{extraItems}</ItemGroup>
              <Import Project="$(RepositoryRoot)Plugins/XrmSdk.targets" />
            </Project>
            """);
        return path;
    }

    private static ProbeItems Evaluate(string probe, params string[] arguments)
    {
        var (exitCode, output) = RunMsBuild(probe, [.. arguments, "-getItem:ProjectReference", "-getItem:PackageReference"]);
        Assert.That(exitCode, Is.Zero, output);
        using var json = JsonDocument.Parse(output);
        var items = json.RootElement.GetProperty("Items");
        var standIn = Find(items, "ProjectReference", i => i.GetProperty("FullPath").GetString()!.EndsWith("Microsoft.Xrm.Sdk.csproj", StringComparison.Ordinal));
        var package = Find(items, "PackageReference", i => i.GetProperty("Identity").GetString() == "Microsoft.CrmSdk.CoreAssemblies");
        return new ProbeItems(standIn, package);
    }

    private static Dictionary<string, string>? Find(JsonElement items, string itemType, Func<JsonElement, bool> predicate)
    {
        if (!items.TryGetProperty(itemType, out var list))
        {
            return null;
        }

        var item = list.EnumerateArray().Where(predicate).ToList();
        Assert.That(item, Has.Count.LessThanOrEqualTo(1), $"more than one matching {itemType}");
        return item.Count == 0
            ? null
            : item[0].EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty);
    }

    private static (int ExitCode, string Output) RunMsBuild(string project, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(project)!,
        };
        foreach (var argument in new[] { "msbuild", project, "-nologo", "-nodeReuse:false" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's own MSBuild environment must not leak into the child build.
        foreach (var variable in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            start.Environment.Remove(variable);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private sealed record ProbeItems(Dictionary<string, string>? StandIn, Dictionary<string, string>? Package);
}
