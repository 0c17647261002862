namespace Zaiko.Tests.Infrastructure;

/// <summary>Tests that start real Hangfire servers and application hosts get a database of their own.</summary>
[CollectionDefinition(Name)]
public sealed class HangfireCollection : ICollectionFixture<PostgresDatabase>
{
    public const string Name = "Hangfire";
}
