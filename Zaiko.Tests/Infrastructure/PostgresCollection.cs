namespace Zaiko.Tests.Infrastructure;

/// <summary>Store and schema tests share one database and run one after another, each starting from empty tables.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresDatabase>
{
    public const string Name = "Postgres";
}
