using System;
using System.ComponentModel;
using System.Runtime.InteropServices;

namespace CrmRelationship.Deploy.Tests.Support;

/// <summary>Creates a hard link for the tests that reach an input through one (.NET has an API for symbolic links only).</summary>
internal static class HardLink
{
    public static void Create(string link, string existing)
    {
        var ok = OperatingSystem.IsWindows() ? CreateHardLinkW(link, existing, IntPtr.Zero) : LinkUnix(existing, link) == 0;
        if (!ok)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), "Cannot create the hard link " + link + ".");
        }
    }

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int LinkUnix([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string link);

    [DllImport("kernel32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool CreateHardLinkW(string link, string existing, IntPtr securityAttributes);
}
