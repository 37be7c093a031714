using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CrmRelationship.Dataverse.Http;
using CrmRelationship.Dataverse.Recalc;
using CrmRelationship.FakeDataverse;
using CrmRelationship.SolutionModel;
using NUnit.Framework;

namespace CrmRelationship.Dataverse.Tests.Support;

/// <summary>
/// A fake Dataverse with the solution's steps as Solution/src registers them, a temporary --out folder, and a client
/// whose waits are short (Retry-After is still waited exactly: the fake's is 1 second).
/// </summary>
internal sealed class FakeEnvironment : IAsyncDisposable
{
    private FakeEnvironment(FakeDataverse.FakeDataverse fake, string output)
    {
        Fake = fake;
        Output = output;
    }

    public FakeDataverse.FakeDataverse Fake { get; }

    /// <summary>A fresh folder for --out, deleted afterwards.</summary>
    public string Output { get; }

    public StringWriter LogText { get; } = new();

    public static string RepositoryRoot { get; } = SolutionSource.FindRepositoryRoot(TestContext.CurrentContext.TestDirectory);

    /// <summary>Short waits for tests: a slow answer (5 s) times an attempt out (4 s), with room for a busy machine; backoff of a few tens of milliseconds.</summary>
    public static DataverseClientOptions FastOptions { get; } = new()
    {
        AttemptTimeout = TimeSpan.FromSeconds(4),
        TotalTimeout = TimeSpan.FromSeconds(60),
        BaseDelay = TimeSpan.FromMilliseconds(20),
        MaxBackoff = TimeSpan.FromMilliseconds(200),
        MaxRetries = 8,
    };

    public static async Task<FakeEnvironment> StartAsync(int contacts = 0, int accounts = 0, int seed = 13)
    {
        var fake = await FakeDataverse.FakeDataverse.StartAsync();
        fake.Steps.AddRange(FakeStep.FromSolution(RepositoryRoot));
        if (contacts > 0 || accounts > 0)
        {
            FakeBook.Seed(fake, contacts, accounts, seed);
        }

        var output = Path.Combine(Path.GetTempPath(), "crmrel-dataverse-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(output);
        return new FakeEnvironment(fake, output);
    }

    public DataverseUrl Url => DataverseUrl.Parse(Fake.Url.ToString());

    public IAccessTokenSource Token => AccessTokens.Choose(Url, name => name == AccessTokens.TokenVariable ? Fake.Token : null, false, _ => { });

    public Task<DataverseClient> ConnectAsync(DataverseClientOptions? options = null, RequestLog? log = null, CancellationToken cancellationToken = default) =>
        DataverseClient.ConnectAsync(Url, Token, options ?? FastOptions, log ?? new RequestLog(LogText), cancellationToken);

    public async Task<RecalcResult> RecalcAsync(RecalcOptions? options = null, DataverseClientOptions? client = null, CancellationToken cancellationToken = default)
    {
        using var connection = await ConnectAsync(client, cancellationToken: cancellationToken);
        return await Recalculation.RunAsync(connection, (options ?? new RecalcOptions()) with { OutputDirectory = (options?.OutputDirectory is { } dir && dir != "out") ? dir : Output }, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Fake.DisposeAsync();
        try
        {
            Directory.Delete(Output, recursive: true);
        }
        catch (IOException)
        {
            // Left to the temp folder's cleanup.
        }
    }
}
