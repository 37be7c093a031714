namespace CrmRelationship.Deploy.Tests.Support;

/// <summary>The outcome of one in-process crmrel run.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error);
