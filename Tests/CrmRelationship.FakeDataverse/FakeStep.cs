using System;
using System.Collections.Generic;
using System.Linq;
using CrmRelationship.SolutionModel;

namespace CrmRelationship.FakeDataverse;

/// <summary>A plug-in step as the fake's sdkmessageprocessingsteps table holds it; tests change it as an administrator would.</summary>
public sealed class FakeStep
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public required string Name { get; init; }

    public required string Message { get; init; }

    public string? PrimaryEntity { get; init; }

    public int Stage { get; init; }

    public string? FilteringAttributes { get; set; }

    public string? Configuration { get; set; }

    public bool Enabled { get; set; } = true;

    public bool IsManaged { get; set; } = true;

    public bool IsCustomizable { get; set; } = true;

    /// <summary>How many times a write ran the step (a write of the table that its filtering attributes let through).</summary>
    public int Runs { get; internal set; }

    /// <summary>The steps exactly as Solution/src registers them, as a managed import installs them.</summary>
    public static List<FakeStep> FromSolution(string repositoryRoot) =>
        SolutionSource.LoadSteps(SolutionSource.SourceFolder(repositoryRoot))
            .Select(s => new FakeStep
            {
                Id = s.Id,
                Name = s.Name,
                Message = s.Message,
                PrimaryEntity = s.PrimaryEntity,
                Stage = s.Stage,
                FilteringAttributes = s.FilteringAttributes.Count == 0 ? null : string.Join(",", s.FilteringAttributes),
                Configuration = s.Configuration,
            })
            .ToList();

    internal IReadOnlyList<string> Filter =>
        (FilteringAttributes ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
