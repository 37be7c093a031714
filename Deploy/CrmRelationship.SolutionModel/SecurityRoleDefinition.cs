using System;
using System.Collections.Generic;

namespace CrmRelationship.SolutionModel;

/// <summary>A security role of <c>Roles/&lt;name&gt;.xml</c>.</summary>
public sealed record SecurityRoleDefinition(Guid Id, string Name, IReadOnlyList<RolePrivilege> Privileges);

/// <summary>A privilege and its depth: Basic (user), Local (business unit), Deep, Global (organization).</summary>
public sealed record RolePrivilege(string Name, string Level);
