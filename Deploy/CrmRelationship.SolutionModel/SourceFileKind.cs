namespace CrmRelationship.SolutionModel;

/// <summary>
/// What a file of the unpacked solution holds, decided by its place in the SolutionPackager layout.
/// Used to pick the parser and the schema wrapper for each file.
/// </summary>
public enum SourceFileKind
{
    Unknown,
    SolutionManifest,
    Customizations,
    RelationshipIndex,
    Relationships,
    OptionSet,
    Entity,
    RibbonDiff,
    Form,
    View,
    Chart,
    SecurityRole,
    AppModule,
    SiteMap,
    PluginAssembly,
    Step,
}
