namespace Seq2Seq.Tests;

/// <summary>
/// Tests that create models or train in this process. libtorch has one process-wide random
/// generator (initialization, dropout), so two such tests running in parallel would draw from it
/// in an unpredictable order and seeded models would differ from run to run. Test classes in this
/// collection run one after another; tests that use no libtorch still run in parallel.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LibTorchCollection
{
    public const string Name = "libtorch";
}
