using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CrmRelationship.Packaging;
using NUnit.Framework;

namespace CrmRelationship.Solution.Tests.Packing;

/// <summary>
/// The zips of one pack reach the output folder all or nothing: a full disk, a folder under a zip's name or a
/// folder that cannot be written leaves the previous zips exactly as they were and no temporary file, and the
/// error is one sentence naming the path. Permission bits are not used (the tests may run as root): access
/// denied and a full disk are injected through <see cref="PackOptions.CreateFile"/>, or come from /dev/full.
/// </summary>
[TestFixture]
public sealed class OutputFolderTests
{
    private const int UnixNoSpace = 28; // ENOSPC: .NET on Linux and macOS puts the errno in HResult.
    private const int WindowsDiskFull = unchecked((int)0x80070070); // ERROR_DISK_FULL
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027); // ERROR_HANDLE_DISK_FULL

    // The final names, unmanaged first, as the pack writes them.
    private static List<string> ZipNames => PackRun.Both.Result.Zips.Select(z => Path.GetFileName(z.Path)).ToList();

    [TestCase(0, UnixNoSpace)]
    [TestCase(1, UnixNoSpace)]
    [TestCase(0, WindowsDiskFull)]
    [TestCase(1, WindowsHandleDiskFull)]
    public void Pack_DiskFullWhileWritingAZip_LeavesThePreviousZipsAndNoTemporaryFile(int failing, int hresult)
    {
        var (options, previous) = WithPreviousZips("disk-full");
        var opened = 0;
        options = options with
        {
            CreateFile = path => opened++ == failing ? new FailingStream(Create(path), new IOException("No space left on device", hresult)) : Create(path),
        };

        var error = PackError(options);

        Assert.That(
            (Contents(options.OutputDirectory), error),
            Is.EqualTo((previous, $"{Zip(options, failing)} could not be written because the disk is full: free some space or choose another --out; the previous zips are unchanged.")));
    }

    [Test]
    public void Pack_ZipLargerThanTheFileSizeLimit_LeavesThePreviousZipsAndNoTemporaryFile()
    {
        // .NET reports EFBIG (ulimit -f, or a file system's largest file) as ArgumentOutOfRangeException.
        var (options, previous) = WithPreviousZips("too-large");
        options = options with
        {
            CreateFile = path => new FailingStream(Create(path), new ArgumentOutOfRangeException("value", "Specified file length was too large for the file system.")),
        };

        var error = PackError(options);

        Assert.That(
            (Contents(options.OutputDirectory), error),
            Is.EqualTo((previous, $"{Zip(options, 0)} could not be written because the file is larger than the file system or the file-size limit (ulimit -f) allows: choose another --out; the previous zips are unchanged.")));
    }

    [Test]
    public void Pack_AnyOtherFailureWhileWriting_LeavesThePreviousZipsAndNoTemporaryFile()
    {
        var (options, previous) = WithPreviousZips("other-failure");
        var opened = 0;
        options = options with
        {
            CreateFile = path => opened++ == 1 ? new FailingStream(Create(path), new InvalidOperationException("stand-in failure")) : Create(path),
        };

        Assert.Throws<InvalidOperationException>(() => SolutionPacker.Pack(options));

        Assert.That(Contents(options.OutputDirectory), Is.EqualTo(previous));
    }

    [Test]
    public void Pack_SecondZipOnAFullDevice_LeavesThePreviousZipsAndNoTemporaryFile()
    {
        // /dev/full fails every write with ENOSPC, as a full disk does: the error comes from the operating system.
        if (!File.Exists("/dev/full"))
        {
            Assert.Ignore("No /dev/full on this system; the injected full-disk cases cover it.");
        }

        var (options, previous) = WithPreviousZips("dev-full");
        var opened = 0;
        options = options with
        {
            CreateFile = path => opened++ == 1 ? new FileStream("/dev/full", FileMode.Open, FileAccess.Write) : Create(path),
        };

        var error = PackError(options);

        Assert.That(
            (Contents(options.OutputDirectory), error),
            Is.EqualTo((previous, $"{Zip(options, 1)} could not be written because the disk is full: free some space or choose another --out; the previous zips are unchanged.")));
    }

    [Test]
    public void Pack_AccessDeniedToTheOutputFolder_NamesTheZipAndLeavesThePreviousZips()
    {
        var (options, previous) = WithPreviousZips("denied");
        options = options with { CreateFile = path => throw new UnauthorizedAccessException($"Access to the path '{path}' is denied.") };

        var error = PackError(options);

        Assert.That(
            (Contents(options.OutputDirectory), error),
            Is.EqualTo((previous, $"{Zip(options, 0)} could not be written because access to {options.OutputDirectory} is denied: choose another --out or make that folder writable; the previous zips are unchanged.")));
    }

    [Test]
    public void Pack_OutIsAFile_SaysSoInOneSentenceAndLeavesTheFile()
    {
        var folder = TempFolder.Create("out-is-a-file");
        var file = Path.Combine(folder, "out");
        File.WriteAllText(file, "not a folder");
        var options = PackRun.Options(folder, [PackageType.Unmanaged, PackageType.Managed]) with { OutputDirectory = file };

        var error = PackError(options);

        Assert.That(
            (File.ReadAllText(file), error),
            Is.EqualTo(("not a folder", $"--out {file} is a file, not a folder: choose a folder for the zips.")));
    }

    [Test]
    public void Pack_OutIsInsideAFile_NamesTheFile()
    {
        var folder = TempFolder.Create("out-under-a-file");
        var file = Path.Combine(folder, "out");
        File.WriteAllText(file, "not a folder");
        var options = PackRun.Options(folder, [PackageType.Unmanaged]) with { OutputDirectory = Path.Combine(file, "zips") };

        var error = PackError(options);

        Assert.That(error, Is.EqualTo($"--out {options.OutputDirectory} cannot be created because {file} is a file: choose another --out."));
    }

    [Test]
    public void Pack_AFolderHasTheManagedZipsName_NamesItAndLeavesThePreviousUnmanagedZip()
    {
        var (options, previous) = WithPreviousZips("folder-named-zip");
        File.Delete(Path.Combine(options.OutputDirectory, ZipNames[1]));
        Directory.CreateDirectory(Path.Combine(options.OutputDirectory, ZipNames[1]));
        previous[ZipNames[1]] = Folder;

        var error = PackError(options);

        Assert.That(
            (Contents(options.OutputDirectory), error),
            Is.EqualTo((previous, $"{Zip(options, 1)} is a folder, so the zip cannot be written there: move or delete that folder, or choose another --out.")));
    }

    [Test]
    public void Pack_SecondZipCannotBeMovedIntoPlace_PutsTheFirstPreviousZipBack()
    {
        // A folder appears under the second zip's name after both zips were written in full (another process),
        // so that moving the second into place fails after the first was moved: the first is put back.
        var (options, previous) = WithPreviousZips("move-fails");
        var opened = 0;
        options = options with
        {
            CreateFile = path =>
            {
                if (opened++ == 1)
                {
                    File.Delete(Path.Combine(options.OutputDirectory, ZipNames[1]));
                    Directory.CreateDirectory(Path.Combine(options.OutputDirectory, ZipNames[1]));
                }

                return Create(path);
            },
        };
        previous[ZipNames[1]] = Folder;

        var error = PackError(options);

        Assert.That(
            (Contents(options.OutputDirectory), error),
            Is.EqualTo((previous, $"{Zip(options, 1)} is a folder, so the zip cannot be written there: move or delete that folder, or choose another --out; the previous zips are unchanged.")));
    }

    [Test]
    public void Pack_OverPreviousZips_ReplacesBothAndLeavesNoOtherFile()
    {
        var (options, _) = WithPreviousZips("replaced");

        SolutionPacker.Pack(options);

        Assert.That(
            Directory.GetFileSystemEntries(options.OutputDirectory).Order(StringComparer.Ordinal).Select(p => (Path.GetFileName(p), File.ReadAllBytes(p))),
            Is.EqualTo(PackRun.Both.Zips.OrderBy(z => z.Path, StringComparer.Ordinal).Select(z => (Path.GetFileName(z.Path), z.Bytes))));
    }

    private const string Folder = "<folder>";

    // A pack of both zips into an output folder that already holds a (stand-in) zip under each final name.
    private static (PackOptions Options, Dictionary<string, string> Previous) WithPreviousZips(string name)
    {
        var options = PackRun.Options(TempFolder.Create(name), [PackageType.Unmanaged, PackageType.Managed]);
        Directory.CreateDirectory(options.OutputDirectory);
        var previous = ZipNames.ToDictionary(n => n, n => $"the previous {n}", StringComparer.Ordinal);
        foreach (var (zip, text) in previous)
        {
            File.WriteAllText(Path.Combine(options.OutputDirectory, zip), text);
        }

        return (options, previous);
    }

    private static string Zip(PackOptions options, int index) => Path.Combine(options.OutputDirectory, ZipNames[index]);

    private static FileStream Create(string path) => new FileStream(path, FileMode.CreateNew, FileAccess.Write);

    // Every entry of the folder: a file's text, or a marker for a folder.
    private static Dictionary<string, string> Contents(string folder) =>
        Directory.GetFileSystemEntries(folder).ToDictionary(
            p => Path.GetFileName(p), p => Directory.Exists(p) ? Folder : File.ReadAllText(p), StringComparer.Ordinal);

    private static string PackError(PackOptions options) => Assert.Throws<PackException>(() => SolutionPacker.Pack(options))!.Message;

    /// <summary>Writes part of what it is given, then fails with <paramref name="error"/>, as a full disk does.</summary>
    private sealed class FailingStream(Stream inner, Exception error) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count / 2);
            inner.Flush();
            throw error;
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
