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

    [Theory]
    [InlineData("multi30k-en-de", 3600)]
    [InlineData("multi30k-de-en", 4500)]
    public void TiedRecipeIsItsReferenceConfigWithTheMeasuredChanges(string reference, int maxSteps)
    {
        var basis = ConfigLoader.Load(Path.Combine(RepositoryPaths.Root, "configs", reference + ".json")).Config;
        var tied = ConfigLoader.Load(Path.Combine(RepositoryPaths.Root, "configs", reference + "-tied.json")).Config;
        var expected = basis with
        {
            Name = reference + "-tied",
            Tokenizer = basis.Tokenizer with { Joint = true },
            Model = basis.Model with { EmbeddingSize = 512, ShareEmbeddings = true, TieOutputEmbedding = true },
            Training = basis.Training with
            {
                RunDir = Path.Combine(RepositoryPaths.Root, "runs", reference + "-tied"),
                PlateauPatience = 0,
                EarlyStoppingPatience = 4,
                KeepBestCheckpoints = 5,
                MaxSteps = maxSteps,
            },
        };
        Assert.Equal(ConfigWriter.ToJson(expected), ConfigWriter.ToJson(tied));
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
