using Microsoft.Extensions.Logging;

namespace StrategyPlatform.TestSupport;

/// <summary>Server output goes to a log file per test process, so a failing CI run can be read afterwards.</summary>
public static class TestLog
{
    private static readonly Lock Gate = new();

    public static string FilePath { get; } = Path.Combine(Path.GetTempPath(), "strategyplatform-tests", $"servers-{Environment.ProcessId}.log");

    public static void Write(string line)
    {
        lock (Gate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            File.AppendAllText(FilePath, $"{DateTime.UtcNow:HH:mm:ss.fff} {line}{Environment.NewLine}");
        }
    }
}

/// <summary>Every log of the test servers' Aspire application (their own console output included) into <see cref="TestLog"/>.</summary>
public sealed class TestLogProvider : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                TestLog.Write($"{logLevel,-11} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
            }
        }
    }
}
