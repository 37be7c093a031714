using System.Reflection;

// Marks this assembly as the CrmRelationship compile-time stand-in. The solution packer and
// Tests/CrmRelationship.XrmSdk.Tests read this attribute and refuse to ship an assembly that carries it.
[assembly: AssemblyMetadata("CrmRelationship.CompileTimeStandIn", "true")]
