using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace CrmRelationship.Offline;

/// <summary>
/// Which file a path names, however it is reached: through a symbolic link to the file or to a folder
/// on its path, through a hard link, or spelled another way. The offline scorer compares its inputs
/// with its outputs this way, so that it never writes over an input. The identity is the one the
/// operating system keeps: on Linux the device and inode (statx), on Windows the volume serial number
/// and file id; elsewhere, or when those cannot be read, the path with every symbolic link resolved,
/// which finds the same file through symbolic links but not through hard links.
/// </summary>
internal static class FileIdentity
{
    private const int MaxLinks = 40;

    /// <summary>Whether both paths name one existing file.</summary>
    public static bool Same(string first, string second)
    {
        var a = Of(first);
        return a is not null && string.Equals(a, Of(second), StringComparison.Ordinal);
    }

    /// <summary>The identity of the file at <paramref name="path"/> (links followed), or null when no file is there.</summary>
    public static string? Of(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            if (OperatingSystem.IsLinux() && Linux.Id(path) is { } linux)
            {
                return linux;
            }

            if (OperatingSystem.IsWindows() && Windows.TryId(path) is { } windows)
            {
                return windows;
            }

            var resolved = ResolvedPath(path);
            return "path:" + (OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? resolved.ToUpperInvariant() : resolved);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The full path with every symbolic link on it replaced by what it points to.</summary>
    public static string ResolvedPath(string path)
    {
        var full = Path.GetFullPath(path);
        for (var i = 0; i < MaxLinks; i++)
        {
            var next = ResolveFirstLink(full);
            if (next is null)
            {
                return full;
            }

            full = next;
        }

        throw new IOException("The path " + path + " goes through more than " + MaxLinks.ToString(CultureInfo.InvariantCulture) + " symbolic links.");
    }

    /// <summary>The path with its first symbolic link (from the root down) replaced by its target, or null when it has none.</summary>
    private static string? ResolveFirstLink(string full)
    {
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var current = root;
        for (var i = 0; i < parts.Length; i++)
        {
            current = Path.Combine(current, parts[i]);
            var target = new FileInfo(current).LinkTarget;
            if (target is not null)
            {
                var linked = Path.GetFullPath(target, Path.GetDirectoryName(current) ?? root);
                return Path.Combine([linked, .. parts[(i + 1)..]]);
            }
        }

        return null;
    }

    /// <summary>statx(2): its struct has the same layout on every Linux architecture.</summary>
    private static class Linux
    {
        private const int AtCurrentDirectory = -100;
        private const uint StatxInode = 0x100;
        private const int StatxSize = 256;
        private const int MaskOffset = 0;
        private const int InodeOffset = 32;
        private const int DeviceMajorOffset = 136;
        private const int DeviceMinorOffset = 140;

        public static string? Id(string path)
        {
            var buffer = new byte[StatxSize];
            try
            {
                if (Statx(AtCurrentDirectory, path, 0, StatxInode, buffer) != 0 || (BitConverter.ToUInt32(buffer, MaskOffset) & StatxInode) == 0)
                {
                    return null;
                }
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                // A C library without statx (glibc before 2.28, older musl): the resolved path is used.
                return null;
            }

            return "dev:" + BitConverter.ToUInt32(buffer, DeviceMajorOffset).ToString(CultureInfo.InvariantCulture)
                + ":" + BitConverter.ToUInt32(buffer, DeviceMinorOffset).ToString(CultureInfo.InvariantCulture)
                + ":ino:" + BitConverter.ToUInt64(buffer, InodeOffset).ToString(CultureInfo.InvariantCulture);
        }

        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
    }

    /// <summary>GetFileInformationByHandleEx's FILE_ID_INFO (128-bit ids, as ReFS needs), else GetFileInformationByHandle's 64-bit index.</summary>
    private static class Windows
    {
        private const int FileIdInfoClass = 18;
        private const int FileIdInfoSize = 24;
        private const int HandleInfoSize = 52;
        private const int HandleInfoVolumeOffset = 28;
        private const int HandleInfoIndexHighOffset = 44;
        private const int HandleInfoIndexLowOffset = 48;

        /// <summary>The file's id, or null when it cannot be opened to read it (then the resolved path is used).</summary>
        public static string? TryId(string path)
        {
            try
            {
                return Id(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }

        private static string? Id(string path)
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var info = new byte[FileIdInfoSize];
            if (GetFileInformationByHandleEx(handle, FileIdInfoClass, info, FileIdInfoSize))
            {
                return "vol:" + BitConverter.ToUInt64(info, 0).ToString("x16", CultureInfo.InvariantCulture)
                    + ":id:" + Convert.ToHexString(info, 8, 16);
            }

            var fallback = new byte[HandleInfoSize];
            if (GetFileInformationByHandle(handle, fallback))
            {
                return "vol:" + BitConverter.ToUInt32(fallback, HandleInfoVolumeOffset).ToString("x8", CultureInfo.InvariantCulture)
                    + ":index:" + BitConverter.ToUInt32(fallback, HandleInfoIndexHighOffset).ToString("x8", CultureInfo.InvariantCulture)
                    + BitConverter.ToUInt32(fallback, HandleInfoIndexLowOffset).ToString("x8", CultureInfo.InvariantCulture);
            }

            return null;
        }

        [DllImport("kernel32.dll", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
        [return: MarshalAs(UnmanagedType.Bool)]
        private static extern bool GetFileInformationByHandleEx(SafeFileHandle file, int infoClass, [Out] byte[] info, int size);

        [DllImport("kernel32.dll", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
        [return: MarshalAs(UnmanagedType.Bool)]
        private static extern bool GetFileInformationByHandle(SafeFileHandle file, [Out] byte[] info);
    }
}
