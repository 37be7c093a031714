using System;
using System.Collections.Generic;
using System.Linq;
using CrmRelationship.XrmSdk.Tests.Metadata;
using NUnit.Framework;

namespace CrmRelationship.XrmSdk.Tests;

/// <summary>
/// Checks the stand-in against facts Microsoft compiled: Microsoft.Xrm.Tooling.Connector.dll
/// (NuGet Microsoft.CrmSdk.XrmTooling.CoreAssembly) was built against the real Microsoft.Xrm.Sdk
/// 9.0.0.0, so each of its type and member references names a real SDK type or member exactly as
/// a plug-in compiled against the stand-in would have to name it to bind at run time.
/// </summary>
[TestFixture]
public sealed class GroundTruthTests
{
    /// <summary>
    /// Measured when the stand-in was written: 81 members confirmed (74 through member references,
    /// 8 through CrmServiceClient's implementation of IOrganizationService; Execute is both). The
    /// floor catches a lost reference or a drifted signature; raise it when more members are confirmed.
    /// </summary>
    private const int ConfirmedMemberFloor = 81;

    /// <summary>Measured: 27 stand-in types are referenced by the Connector.</summary>
    private const int ConfirmedTypeFloor = 27;

    private MetadataFile connector = null!;
    private MetadataFile standIn = null!;
    private SdkReferences references = null!;
    private IReadOnlyDictionary<string, DeclaredType> declared = null!;

    [OneTimeSetUp]
    public void ReadAssemblies()
    {
        connector = new MetadataFile(TestPaths.XrmToolingConnector);
        standIn = new MetadataFile(TestPaths.StandInNet462);
        this.references = SdkReferences.Read(connector.Reader, "Microsoft.Xrm.Sdk");
        this.declared = DeclaredTypes.Read(standIn.Reader);
    }

    [OneTimeTearDown]
    public void CloseAssemblies()
    {
        connector.Dispose();
        standIn.Dispose();
    }

    [Test]
    public void ConnectorSdkReference_IsVersion9000WithMicrosoftSharedToken()
    {
        // Arrange
        var reference = this.references.SdkAssembly;

        // Act
        var token = Convert.ToHexStringLower(this.references.SdkPublicKeyOrToken);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(this.references.SdkAssemblyName, Is.EqualTo("Microsoft.Xrm.Sdk"));
            Assert.That(reference.Version, Is.EqualTo(new Version(9, 0, 0, 0)));
            Assert.That(token, Is.EqualTo("31bf3856ad364e35"));
        });
    }

    [Test]
    public void TypesTheConnectorReferences_HaveTheSameNamespaceNameAndNestingInTheStandIn()
    {
        // Arrange
        var standInBySimpleName = this.declared.Values.Where(t => t.IsVisible).ToLookup(t => t.SimpleName);

        // Act
        var mismatches = this.references.Types
            .SelectMany(r => standInBySimpleName[r.SimpleName]
                .Where(d => d.FullName != r.FullName || d.IsNested != r.IsNested)
                .Select(d => $"Connector references {r.FullName} (nested: {r.IsNested}); stand-in declares {d.FullName} (nested: {d.IsNested})"))
            .ToList();
        var confirmed = this.references.Types.Count(r => this.declared.TryGetValue(r.FullName, out var d) && d.IsVisible);
        TestContext.Out.WriteLine($"Stand-in types confirmed by the Connector's type references: {confirmed}");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(mismatches, Is.Empty);
            Assert.That(confirmed, Is.GreaterThanOrEqualTo(ConfirmedTypeFloor));
        });
    }

    [Test]
    public void MembersTheConnectorReferences_HaveExactlyTheSameSignatureOnTheSameTypeInTheStandIn()
    {
        // Arrange
        var checkedReferences = ReferencesToDeclaredNames().ToList();

        // Act
        var failures = checkedReferences
            .Select(r => (Reference: r, Problem: ProblemWith(r)))
            .Where(p => p.Problem != null)
            .Select(p => $"{p.Reference.Display}: {p.Problem}")
            .ToList();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(checkedReferences, Is.Not.Empty);
            Assert.That(failures, Is.Empty);
        });
    }

    [Test]
    public void MembersTheConnectorReferences_AreNotDeclaredOnABaseOrDerivedTypeInstead()
    {
        // Arrange: a reference T::N means the real SDK declares N on T itself (C# emits the declaring type).
        var onDeclaredTypes = this.references.Members.Where(r => this.declared.ContainsKey(r.DeclaringType));

        // Act
        var misplaced = onDeclaredTypes
            .Where(r => !this.declared[r.DeclaringType].DeclaresName(r.Name))
            .SelectMany(r => RelatedTypes(r.DeclaringType)
                .Where(t => this.declared.TryGetValue(t, out var related) && related.DeclaresName(r.Name))
                .Select(t => $"{r.Display} is declared on {t} in the stand-in, but on {r.DeclaringType} in the real SDK"))
            .ToList();

        // Assert
        Assert.That(misplaced, Is.Empty);
    }

    [Test]
    public void BaseTypeMembersTheConnectorReferences_AreDeclaredOnTheBaseType()
    {
        // Arrange: the Connector calls these through AttributeCollection / ParameterCollection /
        // FormattedValueCollection, but Microsoft's compiler bound them to the base class.
        string[] expected =
        [
            "Microsoft.Xrm.Sdk.DataCollection`2::get_Item(!0) : !1",
            "Microsoft.Xrm.Sdk.DataCollection`2::set_Item(!0,!1) : System.Void",
            "Microsoft.Xrm.Sdk.DataCollection`2::TryGetValue(!0,!1&) : System.Boolean",
            "Microsoft.Xrm.Sdk.DataCollection`2::ContainsKey(!0) : System.Boolean",
            "Microsoft.Xrm.Sdk.DataCollection`2::get_Count() : System.Int32",
        ];
        var referenced = this.references.Members.Select(m => m.Display).ToHashSet();
        var declared = this.declared["Microsoft.Xrm.Sdk.DataCollection`2"].Members.Select(m => m.Display).ToHashSet();
        var derivedDeclaringThem = new[] { "Microsoft.Xrm.Sdk.AttributeCollection", "Microsoft.Xrm.Sdk.ParameterCollection", "Microsoft.Xrm.Sdk.FormattedValueCollection" }
            .SelectMany(t => this.declared[t].Members)
            .Where(m => m.Name is "get_Item" or "set_Item" or "ContainsKey" or "get_Count")
            .Select(m => m.Display);

        // Act
        var notReferenced = expected.Where(e => !referenced.Contains(e));
        var notDeclared = expected.Where(e => !declared.Contains(e));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(notReferenced, Is.Empty, "the Connector no longer references these on the base type");
            Assert.That(notDeclared, Is.Empty, "the stand-in must declare these on DataCollection`2");
            Assert.That(derivedDeclaringThem, Is.Empty, "the stand-in must not redeclare them on derived collections");
        });
    }

    [Test]
    public void InterfacesTheConnectorImplements_HaveOnlyMembersItsImplementationsMatch()
    {
        // Arrange: CrmServiceClient implements IOrganizationService implicitly, so for every interface
        // method the real SDK declares it has a public virtual method with the same name and signature.
        var standInInterfaces = this.references.InterfaceImplementations.Where(i => this.declared.ContainsKey(i.Key)).ToList();

        // Act
        var unmatched = standInInterfaces
            .SelectMany(i => this.declared[i.Key].Members
                .Where(m => !i.Value.Any(impl => impl.IsPublicVirtual && impl.Key == m.Key))
                .Select(m => $"{m.Display} has no implementation with that signature in {string.Join(", ", i.Value.Select(v => v.ImplementingType).Distinct())}"))
            .ToList();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(standInInterfaces.Select(i => i.Key), Does.Contain("Microsoft.Xrm.Sdk.IOrganizationService"));
            Assert.That(unmatched, Is.Empty);
        });
    }

    [Test]
    public void ConfirmedStandInMembers_AreAboveTheMeasuredFloor()
    {
        // Arrange
        var byReference = ReferencesToDeclaredNames()
            .Where(r => ProblemWith(r) == null)
            .Select(r => r.Display);
        var byImplementation = this.references.InterfaceImplementations
            .Where(i => this.declared.ContainsKey(i.Key))
            .SelectMany(i => this.declared[i.Key].Members.Where(m => i.Value.Any(impl => impl.IsPublicVirtual && impl.Key == m.Key)))
            .Select(m => m.Display);

        // Act
        var confirmed = byReference.Concat(byImplementation).Distinct().OrderBy(m => m, StringComparer.Ordinal).ToList();
        var declaredVisible = this.declared.Values.Where(t => t.IsVisible).Sum(t => t.Members.Count(m => m.IsAccessible));
        TestContext.Out.WriteLine($"Stand-in members confirmed by Microsoft's compiled Connector: {confirmed.Count} of {declaredVisible} visible members");
        foreach (var member in confirmed)
        {
            TestContext.Out.WriteLine("  " + member);
        }

        // Assert
        Assert.That(confirmed, Has.Count.GreaterThanOrEqualTo(ConfirmedMemberFloor));
    }

    /// <summary>References on a stand-in type to a member name the stand-in also declares on that type.</summary>
    private IEnumerable<ReferencedMember> ReferencesToDeclaredNames() =>
        this.references.Members.Where(r => this.declared.TryGetValue(r.DeclaringType, out var type) && type.DeclaresName(r.Name));

    private string? ProblemWith(ReferencedMember reference)
    {
        var type = this.declared[reference.DeclaringType];
        var match = type.Members.FirstOrDefault(m => m.Key == reference.Key);
        if (match == null)
        {
            var candidates = type.Members.Where(m => m.Name == reference.Name).Select(m => m.Key);
            return "no member with this signature; stand-in has " + string.Join(" | ", candidates);
        }

        if (!match.IsAccessible)
        {
            return "the stand-in member is not public or protected";
        }

        var isAccessorName = reference.Name.StartsWith("get_", StringComparison.Ordinal) || reference.Name.StartsWith("set_", StringComparison.Ordinal);
        if (isAccessorName && !match.IsPropertyAccessor)
        {
            return "the stand-in declares a method, the real SDK a property accessor";
        }

        return null;
    }

    /// <summary>Stand-in types above and below <paramref name="fullName"/> in the inheritance chain.</summary>
    private IEnumerable<string> RelatedTypes(string fullName) =>
        DeclaredTypes.BaseChain(this.declared, fullName)
            .Concat(this.declared.Keys.Where(t => DeclaredTypes.BaseChain(this.declared, t).Contains(fullName)));
}
