using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CrmRelationship.SolutionModel;

/// <summary>
/// One file of the unpacked solution: its path relative to the source folder (forward slashes),
/// its kind and whether it is the <c>_managed</c> twin that SolutionPackager writes for packagetype Both.
/// </summary>
public sealed record SourceFile(string RelativePath, string FullPath, SourceFileKind Kind, bool IsManagedTwin)
{
    /// <summary>The folders of <see cref="RelativePath"/>, e.g. Entities, Contact, FormXml, main.</summary>
    public IReadOnlyList<string> Folders => RelativePath.Split('/').Reverse().Skip(1).Reverse().ToList();

    public string FileName => Path.GetFileName(RelativePath);

    /// <summary>Classifies a file under the source folder by the SolutionPackager layout.</summary>
    public static SourceFile Classify(string sourceDirectory, string fullPath)
    {
        var relative = RelativeTo(sourceDirectory, fullPath);
        var parts = relative.Split('/');
        var name = parts[parts.Length - 1];
        var twin = name.EndsWith("_managed.xml", StringComparison.OrdinalIgnoreCase);
        return new SourceFile(relative, Path.GetFullPath(fullPath), KindOf(parts, name), twin);
    }

    private static SourceFileKind KindOf(string[] parts, string name)
    {
        if (!name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
        {
            return SourceFileKind.Unknown;
        }

        return (parts[0], parts.Length) switch
        {
            ("Other", 2) when name == "Solution.xml" => SourceFileKind.SolutionManifest,
            ("Other", 2) when name == "Customizations.xml" => SourceFileKind.Customizations,
            ("Other", 2) when name == "Relationships.xml" => SourceFileKind.RelationshipIndex,
            ("Other", 3) when parts[1] == "Relationships" => SourceFileKind.Relationships,
            ("OptionSets", 2) => SourceFileKind.OptionSet,
            ("Entities", 3) when name == "Entity.xml" => SourceFileKind.Entity,
            ("Entities", 3) when name == "RibbonDiff.xml" => SourceFileKind.RibbonDiff,
            ("Entities", 5) when parts[2] == "FormXml" => SourceFileKind.Form,
            ("Entities", 4) when parts[2] == "SavedQueries" => SourceFileKind.View,
            ("Entities", 4) when parts[2] == "Visualizations" => SourceFileKind.Chart,
            ("Roles", 2) => SourceFileKind.SecurityRole,
            ("AppModules", 3) when name.StartsWith("AppModule", StringComparison.Ordinal) => SourceFileKind.AppModule,
            ("AppModuleSiteMaps", 3) when name.StartsWith("AppModuleSiteMap", StringComparison.Ordinal) => SourceFileKind.SiteMap,
            ("PluginAssemblies", 3) when name.EndsWith(".dll.data.xml", StringComparison.OrdinalIgnoreCase) => SourceFileKind.PluginAssembly,
            ("SdkMessageProcessingSteps", 2) => SourceFileKind.Step,
            ("WebResources", >= 2) when name.EndsWith(".data.xml", StringComparison.OrdinalIgnoreCase) => SourceFileKind.WebResource,
            ("customapis", 3) when name == "customapi.xml" => SourceFileKind.CustomApi,
            ("customapis", 5) when parts[2] == "customapirequestparameters" && name == "customapirequestparameter.xml"
                => SourceFileKind.CustomApiRequestParameter,
            ("customapis", 5) when parts[2] == "customapiresponseproperties" && name == "customapiresponseproperty.xml"
                => SourceFileKind.CustomApiResponseProperty,
            _ => SourceFileKind.Unknown,
        };
    }

    // Path.GetRelativePath is not in netstandard2.0.
    private static string RelativeTo(string baseDirectory, string fullPath)
    {
        var root = Path.GetFullPath(baseDirectory).TrimEnd('/', '\\') + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(fullPath);
        if (!path.StartsWith(root, StringComparison.Ordinal))
        {
            throw new ArgumentException($"{fullPath} is not under {baseDirectory}.", nameof(fullPath));
        }

        return path.Substring(root.Length).Replace('\\', '/');
    }
}
