using System;
using System.Collections.Concurrent;
using System.IO;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests.Packing;

/// <summary>Temporary folders for pack outputs and altered inputs, deleted when the pack tests end.</summary>
[SetUpFixture]
public sealed class TempFolder
{
    private static readonly ConcurrentBag<string> Created = [];

    public static string Create(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), "crmrel-pack-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        Created.Add(path);
        return path;
    }

    /// <summary>A copy of Solution/src that a test may change.</summary>
    public static string CopyOfSource(string name)
    {
        var target = Path.Combine(Create(name), "src");
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.SolutionSource, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(RepositoryPaths.SolutionSource, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }

    [OneTimeTearDown]
    public void DeleteAll()
    {
        foreach (var path in Created)
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }
}
