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

    /// <summary>0 synchronous, 1 asynchronous.</summary>
    public int Mode { get; init; }

    public int Rank { get; init; } = 1;

    public bool AsyncAutoDelete { get; init; }

    public string? Description { get; init; }

    /// <summary>The plug-in type the step runs (plugintypes), Guid.Empty when unknown.</summary>
    public Guid PluginTypeId { get; init; }

    /// <summary>The step's images, as sdkmessageprocessingstepimages holds them (deleted with the step).</summary>
    public List<FakeStepImage> Images { get; } = new();

    public string? FilteringAttributes { get; set; }

    public string? Configuration { get; set; }

    public bool Enabled { get; set; } = true;

    public bool IsManaged { get; set; } = true;

    public bool IsCustomizable { get; set; } = true;

    /// <summary>How many times a write ran the step (a write of the table that its filtering attributes let through).</summary>
    public int Runs { get; internal set; }

    /// <summary>The steps exactly as Solution/src registers them, with their images, as a managed import installs them.</summary>
    public static List<FakeStep> FromSolution(string repositoryRoot) =>
        SolutionSource.LoadSteps(SolutionSource.SourceFolder(repositoryRoot))
            .Select(s =>
            {
                var step = new FakeStep
                {
                    Id = s.Id,
                    Name = s.Name,
                    Message = s.Message,
                    PrimaryEntity = s.PrimaryEntity,
                    Stage = s.Stage,
                    Mode = s.Mode,
                    Rank = s.Rank,
                    AsyncAutoDelete = s.AsyncAutoDelete == 1,
                    Description = s.Description,
                    PluginTypeId = s.PluginTypeId,
                    FilteringAttributes = s.FilteringAttributes.Count == 0 ? null : string.Join(",", s.FilteringAttributes),
                    Configuration = s.Configuration,
                };
                step.Images.AddRange(s.Images.Select(i => new FakeStepImage(i.Id, i.Name, i.EntityAlias, i.ImageType, i.MessagePropertyName, string.Join(",", i.Attributes))));
                return step;
            })
            .ToList();

    /// <summary>The plug-in type's name: the part of the step's name before ": " ("CrmRelationship.Plugins.ContactScoringPlugin").</summary>
    public string PluginTypeName => Name.Split(": ", 2)[0];

    internal IReadOnlyList<string> Filter =>
        (FilteringAttributes ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>An image of a step (sdkmessageprocessingstepimage): 0 pre-image, 1 post-image; Attributes comma-separated, empty for all.</summary>
public sealed record FakeStepImage(Guid Id, string Name, string EntityAlias, int ImageType, string MessagePropertyName, string Attributes);
