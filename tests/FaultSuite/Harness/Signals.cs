using System.Runtime.InteropServices;

namespace StrategyPlatform.FaultSuite.Harness;

/// <summary>kill(2): the faults are real signals to real processes.</summary>
public static partial class Signals
{
    public const int SIGKILL = 9;
    public const int SIGTERM = 15;
    /// <summary>Freezes a process (it cannot catch or ignore it): a service that stops answering without dying.</summary>
    public const int SIGSTOP = 19;
    public const int SIGCONT = 18;

    public static void Send(int pid, int signal)
    {
        if (Kill(pid, signal) != 0)
        {
            throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
