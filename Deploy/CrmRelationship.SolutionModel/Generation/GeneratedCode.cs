using System.Collections.Generic;

namespace CrmRelationship.SolutionModel.Generation;

/// <summary>What one generation gives: the files, and the problems that kept the rest from being generated.</summary>
/// <param name="Files">Every file that could be generated.</param>
/// <param name="Problems">One sentence per problem; empty when every file was generated.</param>
public sealed record GeneratedCode(IReadOnlyList<GeneratedFile> Files, IReadOnlyList<string> Problems)
{
    public bool IsComplete => Problems.Count == 0;
}
