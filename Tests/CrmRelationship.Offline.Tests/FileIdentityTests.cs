using System.IO;
using CrmRelationship.Tests.Shared;
using NUnit.Framework;

namespace CrmRelationship.Offline.Tests;

/// <summary>
/// How the scorer tells that two paths name one file. Hard links are covered end to end by crmrel's
/// tests; the resolved path, the identity used where the operating system's file id cannot be read,
/// is checked here on its own.
/// </summary>
[TestFixture]
public sealed class FileIdentityTests
{
    [Test]
    public void ResolvedPath_ThroughLinkedFolderAndLinkedFile_IsTheFilesOwnPath()
    {
        using var book = new TestBook();
        var data = Directory.CreateDirectory(Path.Combine(book.Folder, "data", "exports")).FullName;
        var file = Path.Combine(data, "contacts.csv");
        File.WriteAllText(file, "x");
        Directory.CreateSymbolicLink(Path.Combine(book.Folder, "folder-link"), Path.Combine("data", "exports"));
        File.CreateSymbolicLink(Path.Combine(book.Folder, "file-link.csv"), Path.Combine(book.Folder, "folder-link", "contacts.csv"));
        var real = FileIdentity.ResolvedPath(file);

        var paths = new[]
        {
            FileIdentity.ResolvedPath(Path.Combine(book.Folder, "folder-link", "contacts.csv")),
            FileIdentity.ResolvedPath(Path.Combine(book.Folder, "file-link.csv")),
            FileIdentity.ResolvedPath(Path.Combine(book.Folder, "data", "..", "folder-link", ".", "contacts.csv")),
        };

        Assert.That(paths, Is.All.EqualTo(real));
        Assert.That(FileIdentity.Same(Path.Combine(book.Folder, "file-link.csv"), file), Is.True);
        Assert.That(FileIdentity.Same(Path.Combine(book.Folder, "missing.csv"), Path.Combine(book.Folder, "missing.csv")), Is.False, "no file, nothing to overwrite");
    }
}
