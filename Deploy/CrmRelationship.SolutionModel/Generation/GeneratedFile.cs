namespace CrmRelationship.SolutionModel.Generation;

/// <summary>One file the generator writes: its path relative to the repository root ('/' separated) and its text (LF line ends).</summary>
public sealed record GeneratedFile(string RelativePath, string Content);
