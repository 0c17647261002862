namespace Zaiko.Tests.Infrastructure;

/// <summary>Channel connector tests share one database and one sandbox and run one after another, each after a reset.</summary>
[CollectionDefinition(Name)]
public sealed class ChannelCollection : ICollectionFixture<ChannelFixture>
{
    public const string Name = "Channels";
}
