using System;
using System.Collections.Generic;
using CrmRelationship.SolutionModel;

namespace CrmRelationship.Testing.Tests.Fakes;

/// <summary>Step registrations written in code, naming the fake plug-ins of this test assembly.</summary>
internal static class TestSteps
{
    public static StepRegistration Step<TPlugin>(
        string message,
        string entity,
        int stage,
        IReadOnlyList<string>? filtering = null,
        string? configuration = null,
        params StepImage[] images) =>
        new(
            Guid.NewGuid(),
            $"{typeof(TPlugin).Name}: {message} of {entity} stage {stage}",
            typeof(TPlugin).FullName + ", " + typeof(TPlugin).Assembly.FullName,
            Guid.NewGuid(),
            message,
            entity,
            stage,
            Mode: 0,
            Rank: 1,
            filtering ?? Array.Empty<string>(),
            configuration,
            images,
            "(registered in code)");

    public static StepImage PreImage(params string[] columns) =>
        new(Guid.NewGuid(), "PreImage", "PreImage", 0, "Target", columns);

    public static StepImage PostImage(string messageProperty, params string[] columns) =>
        new(Guid.NewGuid(), "PostImage", "PostImage", 1, messageProperty, columns);

    public static Pipeline NewPipeline(params StepRegistration[] steps) =>
        new(steps, typeof(TestSteps).Assembly);
}
