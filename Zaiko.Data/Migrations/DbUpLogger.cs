using DbUp.Engine.Output;
using Microsoft.Extensions.Logging;

namespace Zaiko.Data.Migrations;

/// <summary>Routes DbUp's messages into the application's logging.</summary>
internal sealed class DbUpLogger(ILogger logger) : IUpgradeLog
{
    public void LogTrace(string format, params object[] args) => logger.LogTrace("{Text}", Format(format, args));

    public void LogDebug(string format, params object[] args) => logger.LogDebug("{Text}", Format(format, args));

    public void LogInformation(string format, params object[] args) => logger.LogDebug("{Text}", Format(format, args));

    public void LogWarning(string format, params object[] args) => logger.LogWarning("{Text}", Format(format, args));

    public void LogError(string format, params object[] args) => logger.LogError("{Text}", Format(format, args));

    public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, "{Text}", Format(format, args));

    private static string Format(string format, object[] args) =>
        args.Length == 0 ? format : string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args);
}
