using Seq2Seq.Configuration;

namespace Seq2Seq.Tests.Configuration;

public class ShippedConfigTests
{
    public static TheoryData<string> Configs()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "configs"), "*.json").Order())
        {
            if (Path.GetFileName(path) != "schema.json") data.Add(Path.GetFileName(path));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void EveryShippedConfigLoadsAndReferencesTheSchema(string name)
    {
        string path = Path.Combine(RepositoryPaths.Root, "configs", name);
        var loaded = ConfigLoader.Load(path);
        Assert.Contains("\"$schema\": \"schema.json\"", File.ReadAllText(path));
        Assert.Equal(Path.Combine(RepositoryPaths.Root, "runs", loaded.Config.Name!), loaded.Config.Training.RunDir);
    }

    [Fact]
    public void DemoConfigPointsAtTheCommittedCorpus()
    {
        var config = ConfigLoader.Load(Path.Combine(RepositoryPaths.Root, "configs", "demo.json")).Config;
        foreach (var prefix in new[] { config.Data.Train, config.Data.Dev, config.Data.Test! })
        {
            Assert.True(File.Exists($"{prefix}.en"), prefix);
            Assert.True(File.Exists($"{prefix}.de"), prefix);
        }
    }
}
