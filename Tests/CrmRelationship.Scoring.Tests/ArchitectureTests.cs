using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using NUnit.Framework;

namespace CrmRelationship.Scoring.Tests;

/// <summary>
/// style.md "The shape": the Scoring library is pure — it references nothing but netstandard, and no
/// public or protected member exposes a type from Microsoft.Xrm.Sdk or any other non-BCL assembly.
/// </summary>
[TestFixture]
public sealed class ArchitectureTests
{
    private static readonly Assembly Scoring = typeof(RelationshipScorer).Assembly;
    private static readonly string[] OnlyNetstandard = { "netstandard" };

    [Test]
    public void ScoringAssembly_ReferencesOnlyNetstandard()
    {
        var references = ReadMetadata(reader => reader.AssemblyReferences
            .Select(handle => reader.GetString(reader.GetAssemblyReference(handle).Name))
            .ToList());

        Assert.That(references, Is.EqualTo(OnlyNetstandard));
    }

    [Test]
    public void ScoringAssembly_HasNoReferenceToSystemTextJsonOrTheSdk()
    {
        var referenced = Scoring.GetReferencedAssemblies().Select(a => a.Name).ToList();
        var typeNamespaces = ReadMetadata(reader => reader.TypeReferences
            .Select(handle => reader.GetString(reader.GetTypeReference(handle).Namespace))
            .Distinct()
            .ToList());

        Assert.That(referenced, Has.None.StartsWith("System.Text.Json").And.None.StartsWith("Microsoft.Xrm"));
        Assert.That(typeNamespaces, Has.None.StartsWith("System.Text.Json").And.None.StartsWith("Microsoft.Xrm"));
    }

    [Test]
    public void PublicSurface_ExposesOnlyScoringAndBclTypes()
    {
        var offenders = new List<string>();
        foreach (var type in Scoring.GetTypes().Where(t => t.IsVisible))
        {
            foreach (var (member, exposed) in ExposedTypes(type))
            {
                foreach (var leaf in Leaves(exposed))
                {
                    if (!IsAllowed(leaf.Assembly))
                    {
                        offenders.Add(type.FullName + "." + member + " exposes " + leaf.FullName + " from " + leaf.Assembly.GetName().Name);
                    }
                }
            }
        }

        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void ArchitectureCheck_IsNotVacuous()
    {
        // Guards the test above against passing vacuously: it sees the public surface, accepts the BCL
        // and rejects assemblies that are not part of it.
        var exposed = Scoring.GetTypes().Where(t => t.IsVisible).SelectMany(ExposedTypes).Count();

        Assert.That(exposed, Is.GreaterThan(50));
        Assert.That(IsAllowed(typeof(Dictionary<,>).Assembly), Is.True);
        Assert.That(IsAllowed(typeof(Assert).Assembly), Is.False);
        Assert.That(IsAllowed(typeof(FsCheck.Gen<int>).Assembly), Is.False);
        Assert.That(IsAllowed(typeof(System.Text.Json.JsonSerializer).Assembly), Is.False);
    }

    private static bool IsAllowed(Assembly assembly)
    {
        if (assembly == Scoring)
        {
            return true;
        }

        var name = assembly.GetName().Name ?? string.Empty;
        if (name.StartsWith("Microsoft.Xrm", StringComparison.OrdinalIgnoreCase) || name.StartsWith("System.Text.Json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // The BCL: what the runtime's shared framework ships, or the netstandard facade itself.
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location);
        return name == "netstandard"
            || (!string.IsNullOrEmpty(assembly.Location) && string.Equals(Path.GetDirectoryName(assembly.Location), frameworkDirectory, StringComparison.Ordinal));
    }

    private static IEnumerable<(string Member, Type Type)> ExposedTypes(Type type)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

        if (type.BaseType is not null)
        {
            yield return ("(base)", type.BaseType);
        }

        foreach (var implemented in type.GetInterfaces())
        {
            yield return ("(interface)", implemented);
        }

        foreach (var argument in type.IsGenericTypeDefinition ? type.GetGenericArguments().SelectMany(a => a.GetGenericParameterConstraints()) : Array.Empty<Type>())
        {
            yield return ("(constraint)", argument);
        }

        foreach (var field in type.GetFields(All).Where(f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly))
        {
            yield return (field.Name, field.FieldType);
        }

        foreach (var property in type.GetProperties(All))
        {
            var accessors = property.GetAccessors(nonPublic: true).Where(IsVisibleOutside).ToList();
            if (accessors.Count > 0)
            {
                yield return (property.Name, property.PropertyType);
            }
        }

        foreach (var e in type.GetEvents(All).Where(e => e.AddMethod is not null && IsVisibleOutside(e.AddMethod)))
        {
            yield return (e.Name, e.EventHandlerType!);
        }

        foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)).Where(IsVisibleOutside))
        {
            if (method is MethodInfo info)
            {
                yield return (method.Name + "(return)", info.ReturnType);
            }

            foreach (var parameter in method.GetParameters())
            {
                yield return (method.Name + "(" + parameter.Name + ")", parameter.ParameterType);
            }

            if (method.IsGenericMethodDefinition)
            {
                foreach (var constraint in method.GetGenericArguments().SelectMany(a => a.GetGenericParameterConstraints()))
                {
                    yield return (method.Name + "(constraint)", constraint);
                }
            }
        }
    }

    private static bool IsVisibleOutside(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    /// <summary>The named types inside a type: array elements, by-ref targets, generic arguments.</summary>
    private static IEnumerable<Type> Leaves(Type type)
    {
        if (type.IsGenericParameter)
        {
            yield break;
        }

        if (type.HasElementType)
        {
            foreach (var leaf in Leaves(type.GetElementType()!))
            {
                yield return leaf;
            }

            yield break;
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            yield return type.GetGenericTypeDefinition();
            foreach (var leaf in type.GetGenericArguments().SelectMany(Leaves))
            {
                yield return leaf;
            }

            yield break;
        }

        yield return type;
    }

    private static T ReadMetadata<T>(Func<MetadataReader, T> read)
    {
        using var stream = File.OpenRead(Scoring.Location);
        using var pe = new PEReader(stream);
        return read(pe.GetMetadataReader());
    }
}
