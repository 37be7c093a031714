using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;

namespace CrmRelationship.XrmSdk.Tests.Metadata;

/// <summary>
/// Writes an assembly's public surface as sorted text, one line per visible type and member:
/// "Type | access kind &lt;generics&gt; : base, interfaces" and "Type::member(signature) : type | modifiers".
/// Signatures use the canonical text of <see cref="CanonicalTypeProvider"/> with generic parameter names.
/// </summary>
internal static class PublicSurface
{
    public static IReadOnlyList<string> Lines(MetadataReader reader)
    {
        var lines = new List<string>();
        foreach (var handle in reader.TypeDefinitions)
        {
            if (TypeNames.Of(reader, handle) == "<Module>" || !DeclaredTypes.IsVisible(reader, handle))
            {
                continue;
            }

            AddType(reader, handle, lines);
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static void AddType(MetadataReader reader, TypeDefinitionHandle handle, List<string> lines)
    {
        var type = reader.GetTypeDefinition(handle);
        var name = TypeNames.Of(reader, handle);
        var typeGenerics = TypeNames.GenericParameterNames(reader, type.GetGenericParameters());
        var context = new GenericNames(typeGenerics, []);

        lines.Add(name + " | " + TypeHeader(reader, type, context));

        foreach (var methodHandle in type.GetMethods())
        {
            var method = reader.GetMethodDefinition(methodHandle);
            var access = MemberText.VisibleAccess(method.Attributes);
            if (access == null || (method.Attributes & MethodAttributes.SpecialName) != 0 && IsAccessorName(reader.GetString(method.Name)))
            {
                continue;
            }

            lines.Add(name + "::" + MethodLine(reader, method, typeGenerics, access));
        }

        foreach (var propertyHandle in type.GetProperties())
        {
            var line = PropertyLine(reader, reader.GetPropertyDefinition(propertyHandle), context);
            if (line != null)
            {
                lines.Add(name + "::" + line);
            }
        }

        foreach (var fieldHandle in type.GetFields())
        {
            var field = reader.GetFieldDefinition(fieldHandle);
            var access = MemberText.VisibleAccess(field.Attributes);
            if (access == null || (field.Attributes & FieldAttributes.RTSpecialName) != 0)
            {
                continue;
            }

            lines.Add(name + "::" + FieldLine(reader, field, context, access));
        }

        foreach (var eventHandle in type.GetEvents())
        {
            var declared = reader.GetEventDefinition(eventHandle);
            var adder = reader.GetMethodDefinition(declared.GetAccessors().Adder);
            var access = MemberText.VisibleAccess(adder.Attributes);
            if (access != null)
            {
                lines.Add(name + "::" + reader.GetString(declared.Name) + " : "
                    + TypeNames.Of(reader, declared.Type, context) + " | " + access + " event");
            }
        }
    }

    private static bool IsAccessorName(string name) =>
        name.StartsWith("get_", StringComparison.Ordinal) || name.StartsWith("set_", StringComparison.Ordinal)
        || name.StartsWith("add_", StringComparison.Ordinal) || name.StartsWith("remove_", StringComparison.Ordinal);

    private static string TypeHeader(MetadataReader reader, TypeDefinition type, GenericNames context)
    {
        var attributes = type.Attributes;
        var baseName = type.BaseType.IsNil ? null : TypeNames.Of(reader, type.BaseType, context);
        string kind;
        var modifiers = new List<string>();
        if ((attributes & TypeAttributes.Interface) != 0)
        {
            kind = "interface";
        }
        else if (baseName == "System.Enum")
        {
            kind = "enum";
        }
        else if (baseName == "System.ValueType")
        {
            kind = "struct";
        }
        else if (baseName == "System.MulticastDelegate")
        {
            kind = "delegate";
        }
        else
        {
            kind = "class";
            var isAbstract = (attributes & TypeAttributes.Abstract) != 0;
            var isSealed = (attributes & TypeAttributes.Sealed) != 0;
            if (isAbstract && isSealed)
            {
                modifiers.Add("static");
            }
            else if (isAbstract)
            {
                modifiers.Add("abstract");
            }
            else if (isSealed)
            {
                modifiers.Add("sealed");
            }
        }

        var header = "public " + string.Concat(modifiers.Select(m => m + " ")) + kind
            + GenericParameterList(reader, type.GetGenericParameters(), context);
        var bases = new List<string>();
        if (baseName != null)
        {
            bases.Add(baseName);
        }

        bases.AddRange(type.GetInterfaceImplementations()
            .Select(i => TypeNames.Of(reader, reader.GetInterfaceImplementation(i).Interface, context))
            .OrderBy(n => n, StringComparer.Ordinal));
        return bases.Count == 0 ? header : header + " : " + string.Join(", ", bases);
    }

    private static string MethodLine(MetadataReader reader, MethodDefinition method, IReadOnlyList<string> typeGenerics, string access)
    {
        var methodGenerics = TypeNames.GenericParameterNames(reader, method.GetGenericParameters());
        var context = new GenericNames(typeGenerics, methodGenerics);
        var signature = method.DecodeSignature(CanonicalTypeProvider.Instance, context);
        var name = reader.GetString(method.Name);
        var parameters = ParameterList(reader, method.GetParameters(), signature.ParameterTypes);
        var text = name + GenericParameterList(reader, method.GetGenericParameters(), context) + "(" + parameters + ")";
        if (name != ".ctor")
        {
            text += " : " + signature.ReturnType;
        }

        var modifiers = new List<string> { access };
        modifiers.AddRange(MethodFlags(method.Attributes));
        if (HasAttribute(reader, method.GetCustomAttributes(), "System.Runtime.CompilerServices.ExtensionAttribute"))
        {
            modifiers.Add("extension");
        }

        return text + " | " + string.Join(" ", modifiers);
    }

    private static string? PropertyLine(MetadataReader reader, PropertyDefinition property, GenericNames context)
    {
        var accessors = property.GetAccessors();
        var parts = new List<string>();
        ParameterHandleCollection? indexParameters = null;
        foreach (var (handle, verb) in new[] { (accessors.Getter, "get"), (accessors.Setter, "set") })
        {
            if (handle.IsNil)
            {
                continue;
            }

            var accessor = reader.GetMethodDefinition(handle);
            var access = MemberText.VisibleAccess(accessor.Attributes);
            if (access == null)
            {
                continue;
            }

            indexParameters ??= accessor.GetParameters();
            parts.Add(string.Join(" ", new[] { access }.Concat(MethodFlags(accessor.Attributes)).Append(verb)));
        }

        if (parts.Count == 0)
        {
            return null;
        }

        var signature = property.DecodeSignature(CanonicalTypeProvider.Instance, context);
        var name = reader.GetString(property.Name);
        if (signature.ParameterTypes.Length > 0)
        {
            name += "[" + ParameterList(reader, indexParameters!.Value, signature.ParameterTypes) + "]";
        }

        return name + " : " + signature.ReturnType + " | property { " + string.Join("; ", parts) + " }";
    }

    private static string FieldLine(MetadataReader reader, FieldDefinition field, GenericNames context, string access)
    {
        var text = reader.GetString(field.Name) + " : " + field.DecodeSignature(CanonicalTypeProvider.Instance, context);
        if (!field.GetDefaultValue().IsNil)
        {
            text += " = " + ConstantText(reader, field.GetDefaultValue());
        }

        var modifiers = new List<string> { access };
        if ((field.Attributes & FieldAttributes.Static) != 0)
        {
            modifiers.Add("static");
        }

        if ((field.Attributes & FieldAttributes.Literal) != 0)
        {
            modifiers.Add("const");
        }

        if ((field.Attributes & FieldAttributes.InitOnly) != 0)
        {
            modifiers.Add("readonly");
        }

        return text + " | " + string.Join(" ", modifiers) + " field";
    }

    private static IEnumerable<string> MethodFlags(MethodAttributes attributes)
    {
        if ((attributes & MethodAttributes.Static) != 0)
        {
            yield return "static";
        }

        if ((attributes & MethodAttributes.Abstract) != 0)
        {
            yield return "abstract";
        }

        if ((attributes & MethodAttributes.Virtual) != 0)
        {
            yield return "virtual";
        }

        if ((attributes & MethodAttributes.Final) != 0)
        {
            yield return "final";
        }

        if ((attributes & MethodAttributes.NewSlot) != 0)
        {
            yield return "newslot";
        }
    }

    private static string ParameterList(MetadataReader reader, ParameterHandleCollection handles, IReadOnlyList<string> types)
    {
        var bySequence = handles
            .Select(reader.GetParameter)
            .Where(p => p.SequenceNumber > 0)
            .ToDictionary(p => p.SequenceNumber);
        var parts = new List<string>();
        for (var i = 0; i < types.Count; i++)
        {
            var text = types[i];
            if (bySequence.TryGetValue(i + 1, out var parameter))
            {
                if ((parameter.Attributes & ParameterAttributes.Out) != 0)
                {
                    text = "out " + text;
                }

                if (HasAttribute(reader, parameter.GetCustomAttributes(), "System.ParamArrayAttribute"))
                {
                    text = "params " + text;
                }

                text += " " + reader.GetString(parameter.Name);
                if ((parameter.Attributes & ParameterAttributes.HasDefault) != 0)
                {
                    text += " = " + ConstantText(reader, parameter.GetDefaultValue());
                }
            }

            parts.Add(text);
        }

        return string.Join(", ", parts);
    }

    private static string GenericParameterList(MetadataReader reader, GenericParameterHandleCollection handles, GenericNames context)
    {
        if (handles.Count == 0)
        {
            return string.Empty;
        }

        var names = new List<string>();
        var constraints = new List<string>();
        foreach (var handle in handles)
        {
            var parameter = reader.GetGenericParameter(handle);
            var name = reader.GetString(parameter.Name);
            var variance = (parameter.Attributes & GenericParameterAttributes.VarianceMask) switch
            {
                GenericParameterAttributes.Covariant => "out ",
                GenericParameterAttributes.Contravariant => "in ",
                _ => string.Empty,
            };
            names.Add(variance + name);

            var items = new List<string>();
            if ((parameter.Attributes & GenericParameterAttributes.ReferenceTypeConstraint) != 0)
            {
                items.Add("class");
            }

            if ((parameter.Attributes & GenericParameterAttributes.NotNullableValueTypeConstraint) != 0)
            {
                items.Add("struct");
            }

            items.AddRange(parameter.GetConstraints()
                .Select(c => TypeNames.Of(reader, reader.GetGenericParameterConstraint(c).Type, context))
                .OrderBy(c => c, StringComparer.Ordinal));
            if ((parameter.Attributes & GenericParameterAttributes.DefaultConstructorConstraint) != 0)
            {
                items.Add("new()");
            }

            if (items.Count > 0)
            {
                constraints.Add(" where " + name + " : " + string.Join(", ", items));
            }
        }

        return "<" + string.Join(",", names) + ">" + string.Concat(constraints);
    }

    private static string ConstantText(MetadataReader reader, ConstantHandle handle)
    {
        var constant = reader.GetConstant(handle);
        var value = reader.GetBlobReader(constant.Value).ReadConstant(constant.TypeCode);
        return value switch
        {
            null => "null",
            string s => "\"" + s + "\"",
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
    }

    private static bool HasAttribute(MetadataReader reader, CustomAttributeHandleCollection attributes, string fullName) =>
        attributes.Any(a => AttributeTypeName(reader, reader.GetCustomAttribute(a)) == fullName);

    private static string AttributeTypeName(MetadataReader reader, CustomAttribute attribute) =>
        attribute.Constructor.Kind switch
        {
            HandleKind.MemberReference => TypeNames.Of(reader, reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent, null),
            HandleKind.MethodDefinition => TypeNames.Of(reader, reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType()),
            _ => string.Empty,
        };
}
