using System.Linq;
using System.Reflection.Metadata;

namespace CrmRelationship.XrmSdk.Tests.Metadata;

/// <summary>
/// Detects the compile-time stand-in by its assembly attribute
/// <c>[assembly: AssemblyMetadata("CrmRelationship.CompileTimeStandIn", "true")]</c>.
/// The solution packer applies the same check and refuses such an assembly.
/// </summary>
internal static class StandInMarker
{
    public const string Key = "CrmRelationship.CompileTimeStandIn";

    public static bool IsStandIn(MetadataReader reader) =>
        reader.GetAssemblyDefinition().GetCustomAttributes()
            .Select(reader.GetCustomAttribute)
            .Where(a => a.Constructor.Kind == HandleKind.MemberReference
                && TypeNames.Of(reader, reader.GetMemberReference((MemberReferenceHandle)a.Constructor).Parent, null)
                    == "System.Reflection.AssemblyMetadataAttribute")
            .Select(a => a.DecodeValue(new StringOnlyAttributeProvider()))
            .Any(v => v.FixedArguments.Length == 2
                && v.FixedArguments[0].Value as string == Key
                && v.FixedArguments[1].Value as string == "true");

    /// <summary>Enough of a custom-attribute decoder for (string, string) constructors.</summary>
    private sealed class StringOnlyAttributeProvider : ICustomAttributeTypeProvider<string>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        public string GetSystemType() => "System.Type";

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => TypeNames.Of(reader, handle);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => TypeNames.Of(reader, handle);

        public string GetTypeFromSerializedName(string name) => name;

        public PrimitiveTypeCode GetUnderlyingEnumType(string type) => PrimitiveTypeCode.Int32;

        public bool IsSystemType(string type) => type == "System.Type";
    }
}
