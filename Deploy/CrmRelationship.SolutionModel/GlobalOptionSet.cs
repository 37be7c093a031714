using System.Collections.Generic;

namespace CrmRelationship.SolutionModel;

/// <summary>A global choice of <c>OptionSets/&lt;name&gt;.xml</c>, options in their display order.</summary>
public sealed record GlobalOptionSet(
    string Name,
    string DisplayName,
    string Description,
    bool IsGlobal,
    string OptionSetType,
    IReadOnlyList<OptionValue> Options);

/// <summary>One option: the stored value and its label (language 1033).</summary>
public sealed record OptionValue(int Value, string Label);
