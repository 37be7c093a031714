using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Reflection.PortableExecutable;
using CrmRelationship.XrmSdk.Tests.Metadata;
using NUnit.Framework;

namespace CrmRelationship.XrmSdk.Tests;

/// <summary>
/// The stand-in must carry the real assembly's identity (name, version, culture, MicrosoftShared key)
/// in both builds, or a plug-in compiled against it would not bind to the real SDK in the sandbox;
/// and it must carry the stand-in marker, so it can never be shipped.
/// </summary>
[TestFixture]
public sealed class AssemblyIdentityTests
{
    private const string MicrosoftSharedPublicKey =
        "0024000004800000940000000602000000240000525341310004000001000100b5fc90e7027f67871e773a8fde8938c81dd402ba65b9201d60593e96c492651e889cc13f1415ebb53fac1131ae0bd333c5ee6021672d9718ea31a8aebd0da0072f25d87dba6fc90ffd598ed4da35e44c398c454307e8e33b8426143daec9f596836f97c8f74750e5975c64e2189f45def46b2a2b1247adc3652bf5c308055da9";

    private const string MicrosoftSharedToken = "31bf3856ad364e35";

    public static IEnumerable<TestCaseData> Builds()
    {
        yield return new TestCaseData("net10.0").SetArgDisplayNames("net10.0");
        yield return new TestCaseData("net462").SetArgDisplayNames("net462");
    }

    [TestCaseSource(nameof(Builds))]
    public void StandInBuild_IsNamedMicrosoftXrmSdkVersion9000Neutral(string framework)
    {
        // Arrange
        using var file = new MetadataFile(PathOf(framework));

        // Act
        var name = file.Reader.GetAssemblyDefinition().GetAssemblyName();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(name.Name, Is.EqualTo("Microsoft.Xrm.Sdk"));
            Assert.That(name.Version, Is.EqualTo(new Version(9, 0, 0, 0)));
            Assert.That(name.CultureName, Is.Empty);
        });
    }

    [TestCaseSource(nameof(Builds))]
    public void StandInBuild_HasMicrosoftSharedPublicKeyAndToken(string framework)
    {
        // Arrange
        using var file = new MetadataFile(PathOf(framework));
        var definition = file.Reader.GetAssemblyDefinition();

        // Act
        var publicKey = Convert.ToHexStringLower(file.Reader.GetBlobBytes(definition.PublicKey));
        var token = Convert.ToHexStringLower(definition.GetAssemblyName().GetPublicKeyToken()!);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(publicKey, Is.EqualTo(MicrosoftSharedPublicKey));
            Assert.That(token, Is.EqualTo(MicrosoftSharedToken));
            Assert.That(file.CorFlags.HasFlag(CorFlags.StrongNameSigned), Is.True, "public-signed assemblies carry the strong-name flag");
        });
    }

    [TestCaseSource(nameof(Builds))]
    public void StandInBuild_CarriesTheStandInMarker(string framework)
    {
        // Arrange
        using var file = new MetadataFile(PathOf(framework));

        // Act
        var isStandIn = StandInMarker.IsStandIn(file.Reader);

        // Assert
        Assert.That(isStandIn, Is.True);
    }

    [Test]
    public void MicrosoftAssembly_DoesNotCarryTheStandInMarker()
    {
        // Arrange
        using var file = new MetadataFile(TestPaths.XrmToolingConnector);

        // Act
        var isStandIn = StandInMarker.IsStandIn(file.Reader);

        // Assert
        Assert.That(isStandIn, Is.False);
    }

    [Test]
    public void KeyFile_HoldsOnlyTheMicrosoftSharedPublicKey()
    {
        // Arrange
        var keyFile = Path.Combine(Path.GetDirectoryName(TestPaths.StandInProject)!, "MicrosoftShared.public.snk");

        // Act
        var bytes = File.ReadAllBytes(keyFile);
        var name = new AssemblyName("Microsoft.Xrm.Sdk");
        name.SetPublicKey(bytes);
        var token = name.GetPublicKeyToken()!;

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(Convert.ToHexStringLower(bytes), Is.EqualTo(MicrosoftSharedPublicKey), "a public key blob, no private key");
            Assert.That(Convert.ToHexStringLower(token), Is.EqualTo(MicrosoftSharedToken));
        });
    }

    private static string PathOf(string framework) =>
        framework == "net462" ? TestPaths.StandInNet462 : TestPaths.StandInNet10;
}
