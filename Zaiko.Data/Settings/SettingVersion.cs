namespace Zaiko.Data.Settings;

public sealed record SettingVersion(int Version, string Value, DateTimeOffset UpdatedAt, string UpdatedBy);
