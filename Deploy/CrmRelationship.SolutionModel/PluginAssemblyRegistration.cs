using System;
using System.Collections.Generic;

namespace CrmRelationship.SolutionModel;

/// <summary>
/// The plug-in assembly of <c>PluginAssemblies/&lt;name&gt;-&lt;ID&gt;/&lt;name&gt;.dll.data.xml</c>. The DLL itself
/// is never in the source: the packer (or SolutionPackager with Solution/map.xml) takes it from the build.
/// </summary>
/// <param name="Folder">The folder relative to the source root, e.g. <c>PluginAssemblies/CrmRelationship.Plugins-EAD1…</c>.</param>
/// <param name="FileName">The packed path of the DLL as the manifest names it.</param>
public sealed record PluginAssemblyRegistration(
    Guid Id,
    AssemblyIdentity Identity,
    int IsolationMode,
    int SourceType,
    string Folder,
    string FileName,
    IReadOnlyList<PluginTypeRegistration> Types);

/// <summary>A plug-in class registered in the assembly.</summary>
public sealed record PluginTypeRegistration(Guid Id, string TypeName, string QualifiedName, string FriendlyName);
