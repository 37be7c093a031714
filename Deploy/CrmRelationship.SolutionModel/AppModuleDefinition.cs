using System;
using System.Collections.Generic;

namespace CrmRelationship.SolutionModel;

/// <summary>A model-driven app of <c>AppModules/&lt;unique name&gt;/AppModule.xml</c>.</summary>
public sealed record AppModuleDefinition(
    string UniqueName,
    string Name,
    IReadOnlyList<AppModuleComponent> Components,
    IReadOnlyList<Guid> RoleIds);

/// <summary>A component of an app: a table by schema name, or a form, view, chart by id.</summary>
public sealed record AppModuleComponent(int Type, string? SchemaName, Guid? Id);

/// <summary>An app site map of <c>AppModuleSiteMaps/&lt;unique name&gt;/AppModuleSiteMap.xml</c>.</summary>
public sealed record SiteMapDefinition(string UniqueName, IReadOnlyList<SiteMapSubArea> SubAreas);

/// <summary>A site map entry; <see cref="Entity"/> is the table it opens.</summary>
public sealed record SiteMapSubArea(string Id, string? Entity, string Title);
