using System.Diagnostics;

namespace StrategyPlatform.LocalServers;

/// <summary>A preparation step that runs to completion before a server starts (initdb, a permission probe).</summary>
internal static class OneShotCommand
{
    /// <summary>Runs the program, as <paramref name="account"/> when given (we are root then); returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments, SystemAccount? account, CancellationToken ct)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        if (account is not null)
        {
            // setpriv executes the program in place: no shell or PAM session between us and it.
            start.FileName = "/usr/bin/setpriv";
            foreach (var argument in AsAccount(account))
            {
                start.ArgumentList.Add(argument);
            }
            start.ArgumentList.Add(program);
        }
        else
        {
            start.FileName = program;
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, (await output + await errors).Trim());
    }

    /// <summary>The arguments that make setpriv run the rest of its command line as the account.</summary>
    public static IEnumerable<string> AsAccount(SystemAccount account) =>
        [$"--reuid={account.UserId}", $"--regid={account.GroupId}", "--init-groups", "--"];
}
