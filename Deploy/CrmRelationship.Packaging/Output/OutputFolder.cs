using System;
using System.IO;

namespace CrmRelationship.Packaging.Output;

/// <summary>
/// The folder <c>crmrel pack</c> writes to (--out): created when it is missing, and every failure to write
/// there (a file in its place, a folder under a zip's name, access denied, a full or read-only disk) worded as
/// one sentence that names the path and says what to do, never the exception's own text alone.
/// </summary>
public static class OutputFolder
{
    private const int NoSpace = 28; // ENOSPC, the same on Linux and macOS; .NET puts the errno in HResult there.
    private const int ReadOnlyFileSystem = 30; // EROFS, the same on Linux and macOS.
    private const int WindowsDiskFull = unchecked((int)0x80070070); // ERROR_DISK_FULL
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027); // ERROR_HANDLE_DISK_FULL
    private const int WindowsWriteProtect = unchecked((int)0x80070013); // ERROR_WRITE_PROTECT
    private const int FileTooLarge = 27; // EFBIG, the same on Linux and macOS: a file-size limit (ulimit -f) or the file system's.

    /// <summary>Creates <paramref name="folder"/> and its parents when they do not exist.</summary>
    /// <param name="display">How a path is named in the message (repository-relative when inside the repository).</param>
    /// <exception cref="PackException">--out is a file, lies inside a file, or cannot be created.</exception>
    public static void Create(string folder, Func<string, string> display)
    {
        ArgumentNullException.ThrowIfNull(display);
        if (File.Exists(folder))
        {
            throw new PackException($"--out {display(folder)} is a file, not a folder: choose a folder for the zips.");
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (FileAbove(folder) is { } file)
            {
                throw new PackException($"--out {display(folder)} cannot be created because {display(file)} is a file: choose another --out.", ex);
            }

            throw new PackException($"--out {display(folder)} cannot be created because {Reason(ex, folder, display)}: choose another --out.", ex);
        }
    }

    /// <summary>The one sentence for a file of the pack that could not be written into <paramref name="folder"/>.</summary>
    /// <param name="what">What <paramref name="path"/> was to hold: "the zip", "the build log".</param>
    /// <param name="outcome">What the failure left, appended after a semicolon ("the previous zips are unchanged"), or null.</param>
    public static PackException CannotWrite(string path, string folder, string what, Exception error, Func<string, string> display, string? outcome = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(display);
        var after = outcome is null ? string.Empty : "; " + outcome;
        if (Directory.Exists(path))
        {
            return IsAFolder(path, what, display, after, error);
        }

        var advice = error is UnauthorizedAccessException ? "choose another --out or make that folder writable"
            : IsDiskFull(error) ? "free some space or choose another --out"
            : "choose another --out";
        return new PackException($"{display(path)} could not be written because {Reason(error, folder, display)}: {advice}{after}.", error);
    }

    /// <summary>The one sentence for a folder that sits where <paramref name="what"/> is to be written.</summary>
    public static PackException IsAFolder(string path, string what, Func<string, string> display) =>
        IsAFolder(path, what, display, string.Empty, null);

    /// <summary>
    /// Whether <paramref name="error"/> is the operating system refusing a write: an I/O error, access denied, or a
    /// file larger than the file system or the process's file-size limit allows (which .NET reports as
    /// ArgumentOutOfRangeException).
    /// </summary>
    public static bool IsWriteFailure(Exception error) =>
        error is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException;

    /// <summary>Whether <paramref name="error"/> is the operating system saying the disk (or the user's quota) is full.</summary>
    public static bool IsDiskFull(Exception error) =>
        error is IOException { HResult: NoSpace or WindowsDiskFull or WindowsHandleDiskFull }
        || (error is IOException io && IsQuotaExceeded(io.HResult));

    private static string Reason(Exception error, string folder, Func<string, string> display) => error switch
    {
        UnauthorizedAccessException => $"access to {display(folder)} is denied",
        _ when IsDiskFull(error) => "the disk is full",
        IOException { HResult: ReadOnlyFileSystem or WindowsWriteProtect } => $"{display(folder)} is on a read-only disk",
        ArgumentOutOfRangeException or IOException { HResult: FileTooLarge } => "the file is larger than the file system or the file-size limit (ulimit -f) allows",
        _ => error.Message.TrimEnd('.'),
    };

    private static PackException IsAFolder(string path, string what, Func<string, string> display, string after, Exception? error)
    {
        ArgumentNullException.ThrowIfNull(display);
        var message = $"{display(path)} is a folder, so {what} cannot be written there: move or delete that folder, or choose another --out{after}.";
        return error is null ? new PackException(message) : new PackException(message, error);
    }

    // EDQUOT differs between Linux and macOS.
    private static bool IsQuotaExceeded(int hresult) =>
        (OperatingSystem.IsLinux() && hresult == 122) || (OperatingSystem.IsMacOS() && hresult == 69);

    // The nearest existing path above (or at) the folder when it is a file.
    private static string? FileAbove(string folder)
    {
        for (var path = Path.GetFullPath(folder); !string.IsNullOrEmpty(path); path = Path.GetDirectoryName(path))
        {
            if (File.Exists(path))
            {
                return path;
            }

            if (Directory.Exists(path))
            {
                return null;
            }
        }

        return null;
    }
}
