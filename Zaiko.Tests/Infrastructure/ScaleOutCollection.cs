namespace Zaiko.Tests.Infrastructure;

/// <summary>
/// Tests that run several Zaiko.Web worker processes against one database and sandbox. Alone, because they measure
/// rates over tens of seconds and take most of the machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ScaleOutCollection : ICollectionFixture<PostgresDatabase>, ICollectionFixture<SandboxProcess>
{
    public const string Name = "ScaleOut";
}
