namespace Zaiko.Tests.Infrastructure;

// Hosts of Zaiko.Web run one collection at a time: Hangfire keeps some process-wide state (its log provider).
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PipelineCollection : ICollectionFixture<PipelineFixture>
{
    public const string Name = "Pipeline";
}
