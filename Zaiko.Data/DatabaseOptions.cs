namespace Zaiko.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending migrations when the application starts (every role).</summary>
    public bool MigrateOnStart { get; init; } = true;
}
