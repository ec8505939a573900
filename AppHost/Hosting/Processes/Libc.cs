using System.Runtime.InteropServices;

namespace StrategyPlatform.AppHost.Hosting;

/// <summary>The few libc calls .NET has no API for: signals other than SIGKILL, the effective user, chown.</summary>
internal static partial class Libc
{
    public const int SIGINT = 2;
    public const int SIGKILL = 9;
    public const int SIGTERM = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int KillNative(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();

    [LibraryImport("libc", EntryPoint = "chown", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int ChownNative(string path, uint owner, uint group);

    public static bool IsRoot => GetEffectiveUserId() == 0;

    /// <summary>Sends a signal; false when the process is gone (or the signal could not be sent).</summary>
    public static bool Signal(int pid, int signal) => pid > 0 && KillNative(pid, signal) == 0;

    /// <summary>Signal 0 probes for existence without disturbing the process.</summary>
    public static bool IsAlive(int pid) => pid > 0 && (KillNative(pid, 0) == 0 || Marshal.GetLastPInvokeError() == 1 /* EPERM: alive, not ours */);

    public static void Chown(string path, SystemAccount account)
    {
        if (ChownNative(path, account.UserId, account.GroupId) != 0)
            throw new IOException($"chown {account.Name} {path} failed (errno {Marshal.GetLastPInvokeError()}).");
    }
}
