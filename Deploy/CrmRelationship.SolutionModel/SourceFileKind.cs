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

    /// <summary><c>WebResources/&lt;name as path&gt;.data.xml</c>: a web resource's metadata (its content is mapped in).</summary>
    WebResource,

    /// <summary><c>customapis/&lt;uniquename&gt;/customapi.xml</c>.</summary>
    CustomApi,

    /// <summary><c>customapis/&lt;api&gt;/customapirequestparameters/&lt;uniquename&gt;/customapirequestparameter.xml</c>.</summary>
    CustomApiRequestParameter,

    /// <summary><c>customapis/&lt;api&gt;/customapiresponseproperties/&lt;uniquename&gt;/customapiresponseproperty.xml</c>.</summary>
    CustomApiResponseProperty,
}
