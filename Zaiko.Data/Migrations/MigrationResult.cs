namespace Zaiko.Data.Migrations;

/// <summary>The scripts a migration run applied (empty when the schema was already current).</summary>
public sealed record MigrationResult(IReadOnlyList<string> AppliedScripts);
