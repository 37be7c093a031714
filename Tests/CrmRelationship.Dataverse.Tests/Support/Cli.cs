using System;
using System.IO;
using CrmRelationship.Deploy.Cli;

namespace CrmRelationship.Dataverse.Tests.Support;

/// <summary>A recording console for the commands, and the environment variables a run sees.</summary>
internal sealed class Cli : IDisposable
{
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    public Cli()
    {
        Console = CliConsole.Recording(output, error);
    }

    public CliConsole Console { get; }

    public string Output => output.ToString();

    public string Error => error.ToString();

    public void Dispose()
    {
        output.Dispose();
        error.Dispose();
    }

    /// <summary>The variables of a signed-in admin: the fake's URL and token, nothing else.</summary>
    public static Func<string, string?> Environment(FakeDataverse.FakeDataverse fake) => name => name switch
    {
        "DATAVERSE_TOKEN" => fake.Token,
        "DATAVERSE_URL" => fake.Url.ToString(),
        _ => null,
    };
}
