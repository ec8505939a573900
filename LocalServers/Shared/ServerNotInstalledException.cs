namespace StrategyPlatform.LocalServers;

/// <summary>A server's binaries are missing; the message is one line that names the package to install.</summary>
public sealed class ServerNotInstalledException(string server, string package)
    : Exception($"{server} is not installed on this machine: apt-get install {package}")
{
    private static int reporting;

    public string Package { get; } = package;

    /// <summary>
    /// A missing package is the user's to fix: when nothing catches this (the AppHost's Program.cs does not),
    /// the user reads one line and the run ends with exit code 1, rather than a stack trace and an abort.
    /// </summary>
    internal static void ReportWhenUnhandled()
    {
        if (Interlocked.Exchange(ref reporting, 1) == 1)
        {
            return;
        }
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (e.ExceptionObject is ServerNotInstalledException or ToolNotRestoredException)
            {
                Console.Error.WriteLine(((Exception)e.ExceptionObject).Message);
                Environment.Exit(1);
            }
        };
    }
}
