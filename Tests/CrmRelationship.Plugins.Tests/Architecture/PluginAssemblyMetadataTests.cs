using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using CrmRelationship.Plugins.Tests.Support;
using CrmRelationship.SolutionModel;
using NUnit.Framework;

namespace CrmRelationship.Plugins.Tests.Architecture;

/// <summary>
/// The deployable assembly as built (net462), read with System.Reflection.Metadata without loading
/// it: strong-named with the committed key, referencing only .NET Framework and Microsoft.Xrm.Sdk
/// 9.0.0.0, exposing the three plug-in classes, and holding no static state (the platform shares one
/// plug-in instance across threads).
/// </summary>
[TestFixture]
public sealed class PluginAssemblyMetadataTests
{
    /// <summary>The .NET Framework assemblies a sandboxed plug-in may reference.</summary>
    private static readonly HashSet<string> FrameworkAssemblies = new(StringComparer.Ordinal)
    {
        "mscorlib", "System", "System.Core", "System.Runtime.Serialization", "System.Xml", "System.Xml.Linq",
        "System.Data", "System.Numerics", "System.ServiceModel", "Microsoft.CSharp",
    };

    /// <summary>ECMA and Microsoft framework keys (b77a5c561934e089, b03f5f7f11d50a3a).</summary>
    private static readonly HashSet<string> FrameworkTokens = new(StringComparer.Ordinal) { "b77a5c561934e089", "b03f5f7f11d50a3a" };

    private static readonly string[] PluginTypes =
    {
        "CrmRelationship.Plugins.AccountScoringPlugin",
        "CrmRelationship.Plugins.ContactRollupPlugin",
        "CrmRelationship.Plugins.ContactScoringPlugin",
    };

    private PEReader pe = null!;
    private MetadataReader md = null!;

    [OneTimeSetUp]
    public void Open()
    {
        Assert.That(File.Exists(TestPaths.PluginsNet462), Is.True, "the test project builds " + TestPaths.PluginsNet462);
        pe = new PEReader(File.OpenRead(TestPaths.PluginsNet462));
        md = pe.GetMetadataReader();
    }

    [OneTimeTearDown]
    public void Close() => pe.Dispose();

    [Test]
    public void Path_IsTheNet462BuildOfThePluginProject()
    {
        Assert.That(TestPaths.PluginsNet462.Replace('\\', '/'), Does.Match("/Plugins/CrmRelationship.Plugins/bin/[^/]+/net462/CrmRelationship.Plugins.dll$"));
    }

    [Test]
    public void Assembly_IsStrongNamedWithTheCommittedKeyAndTheTokenTheSolutionNames()
    {
        // Arrange
        var definition = md.GetAssemblyDefinition();
        var publicKey = md.GetBlobBytes(definition.PublicKey);
        var committed = StrongNameKeyFile.PublicKeyToken(File.ReadAllBytes(TestPaths.PluginKeyFile));
        var registered = SolutionSource.LoadSteps(TestPaths.SolutionSourceFolder).Select(s => s.Assembly.PublicKeyToken).Distinct().ToList();

        // Act
        var token = Token(publicKey);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(md.GetString(definition.Name), Is.EqualTo("CrmRelationship.Plugins"));
            Assert.That(definition.Version, Is.EqualTo(new Version(1, 0, 0, 0)));
            Assert.That(publicKey, Is.Not.Empty);
            Assert.That(pe.PEHeaders.CorHeader!.Flags.HasFlag(CorFlags.StrongNameSigned), Is.True, "signed, not only public-signed");
            Assert.That(token, Is.EqualTo(committed.ToLowerInvariant()));
            Assert.That(registered, Is.EqualTo(new[] { token }), "every step names this token");
        });
    }

    [Test]
    public void References_AreOnlyTheFrameworkAndMicrosoftXrmSdk900()
    {
        var references = md.AssemblyReferences.Select(h => md.GetAssemblyReference(h))
            .Select(r => (Name: md.GetString(r.Name), r.Version, Token: Hex(md.GetBlobBytes(r.PublicKeyOrToken))))
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(references.Where(r => r.Name == "Microsoft.Xrm.Sdk").Select(r => $"{r.Name}, Version={r.Version}, PublicKeyToken={r.Token}"),
                Is.EqualTo(new[] { "Microsoft.Xrm.Sdk, Version=9.0.0.0, PublicKeyToken=31bf3856ad364e35" }));
            Assert.That(references.Where(r => r.Name != "Microsoft.Xrm.Sdk" && !(FrameworkAssemblies.Contains(r.Name) && FrameworkTokens.Contains(r.Token) && r.Version == new Version(4, 0, 0, 0))),
                Is.Empty, "only .NET Framework 4.x assemblies besides the SDK");
            Assert.That(references.Select(r => r.Name), Does.Contain("mscorlib").And.Not.Contain("netstandard").And.Not.Contain("System.Runtime"));
        });
    }

    [Test]
    public void Types_TheThreeStepPluginClassesArePresentAndEveryPluginClassIsPublicSealed()
    {
        var types = md.TypeDefinitions.Select(h => md.GetTypeDefinition(h)).ToList();
        var plugins = types.Where(t => ImplementsIPlugin(t)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(plugins.Select(FullName), Is.SupersetOf(PluginTypes), "the classes the steps register (the assembly may hold others, e.g. a Custom API's)");
            Assert.That(plugins.Where(t => (t.Attributes & TypeAttributes.VisibilityMask) != TypeAttributes.Public || !t.Attributes.HasFlag(TypeAttributes.Sealed)).Select(FullName), Is.Empty);
        });
    }

    [Test]
    public void Assembly_DoesNotUseSystemTextJson()
    {
        var names = md.AssemblyReferences.Select(h => md.GetString(md.GetAssemblyReference(h).Name))
            .Concat(md.TypeReferences.Select(h => md.GetString(md.GetTypeReference(h).Namespace)));

        Assert.That(names.Where(n => n.StartsWith("System.Text.Json", StringComparison.Ordinal)), Is.Empty);
    }

    /// <summary>
    /// Every static field is readonly or const. The one exception is the C# compiler's lambda cache
    /// (fields named &lt;&gt;9__… in the compiler-generated &lt;&gt;c class): a benign, idempotent cache.
    /// </summary>
    [Test]
    public void Types_HaveNoStaticMutableField()
    {
        var mutable = md.TypeDefinitions.Select(h => md.GetTypeDefinition(h))
            .SelectMany(t => t.GetFields().Select(f => (Type: t, Field: md.GetFieldDefinition(f))))
            .Where(x => x.Field.Attributes.HasFlag(FieldAttributes.Static)
                && !x.Field.Attributes.HasFlag(FieldAttributes.InitOnly)
                && !x.Field.Attributes.HasFlag(FieldAttributes.Literal)
                && !(md.GetString(x.Type.Name) == "<>c" && md.GetString(x.Field.Name).StartsWith("<>9__", StringComparison.Ordinal)))
            .Select(x => FullName(x.Type) + "::" + md.GetString(x.Field.Name));

        Assert.That(mutable, Is.Empty);
    }

    private bool ImplementsIPlugin(TypeDefinition type) =>
        type.GetInterfaceImplementations()
            .Select(h => md.GetInterfaceImplementation(h).Interface)
            .Where(h => h.Kind == HandleKind.TypeReference)
            .Select(h => md.GetTypeReference((TypeReferenceHandle)h))
            .Any(r => md.GetString(r.Namespace) == "Microsoft.Xrm.Sdk" && md.GetString(r.Name) == "IPlugin"
                && r.ResolutionScope.Kind == HandleKind.AssemblyReference
                && md.GetString(md.GetAssemblyReference((AssemblyReferenceHandle)r.ResolutionScope).Name) == "Microsoft.Xrm.Sdk");

    private string FullName(TypeDefinition type)
    {
        var name = md.GetString(type.Name);
        if (type.IsNested)
        {
            return FullName(md.GetTypeDefinition(type.GetDeclaringType())) + "+" + name;
        }

        var ns = md.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    /// <summary>The public key token: the last 8 bytes of the SHA-1 of the public key, reversed.</summary>
    private static string Token(byte[] publicKey)
    {
#pragma warning disable CA5350 // SHA-1 is what defines a strong-name public key token, not a security choice.
        var hash = SHA1.HashData(publicKey);
#pragma warning restore CA5350
        return Hex(hash.Skip(hash.Length - 8).Reverse().ToArray());
    }

    private static string Hex(byte[] bytes) => string.Concat(bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
}
