using Seq2Seq.Cli;
using Seq2Seq.Decoding;
using Seq2Seq.Packaging;
using Seq2Seq.Tests.Plotting;
using Seq2Seq.Training;
using System.IO.Compression;
using System.Text;

namespace Seq2Seq.Tests.Packaging;

/// <summary>Model files that are not models, or not of this format version, fail with one clear line.</summary>
[Collection(LibTorchCollection.Name)]
public class ModelFileTests
{
    private static string Zip(TempFolder temp, string name, params (string Entry, string Text)[] entries)
    {
        string path = temp.File(name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, text) in entries)
        {
            using var stream = zip.CreateEntry(entry).Open();
            stream.Write(Encoding.UTF8.GetBytes(text));
        }
        return path;
    }

    private static (int Code, string Err) Translate(string model)
    {
        string input = Path.Combine(Path.GetDirectoryName(model)!, "input.txt");
        File.WriteAllText(input, "alpha beta\n");
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CommandLine.Run(["translate", "--model", model, "--input", input], output, error);
        return (code, error.ToString());
    }

    public static TheoryData<string, string, string> BrokenFiles => new()
    {
        { "format.json", """{"format": "seq2seq-model", "version": 3, "kind": "model"}""", "model format version 3; this program reads versions 1 to 2" },
        { "format.json", """{"format": "seq2seq-model", "kind": "model"}""", "model format version -1" },
        { "format.json", """{"format": "something-else", "version": 1}""", "not a Seq2Seq model (format 'something-else')" },
        { "format.json", """{"format": "seq2seq-model", "version": 1, "kind": "optimizer"}""", "unknown model file kind 'optimizer'" },
        { "format.json", "{ not json", "not a Seq2Seq model (unreadable format marker)" },
        { "format.json", "[1, 2]", "not a Seq2Seq model (format marker is not a JSON object)" },
        { "readme.txt", "a zip of something else", "not a Seq2Seq model (no format marker)" },
        { "format.json", """{"format": "seq2seq-model", "version": 1, "kind": "model"}""", "damaged model, 'config.json' is missing" },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void BrokenModelFilesFailWithOneClearLine(string entry, string text, string message)
    {
        using var temp = new TempFolder();
        string path = Zip(temp, "broken.s2s", (entry, text));
        var error = Assert.Throws<UserError>(() => Translator.Load(path));
        Assert.Equal($"{path}: ", error.Message[..(path.Length + 2)]);
        Assert.Contains(message, error.Message);

        var (code, stderr) = Translate(path);
        Assert.Equal(1, code);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains(message, stderr);
    }

    [Fact]
    public void FilesThatAreNotZipsOrDoNotExistFailWithOneLine()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("text.s2s"), "hello");
        var (code, stderr) = Translate(temp.File("text.s2s"));
        Assert.Equal(1, code);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains("not a Seq2Seq model (not a zip archive)", stderr);

        (code, stderr) = Translate(temp.File("absent.s2s"));
        Assert.Equal(1, code);
        Assert.Contains("model file not found", stderr);

        var output = new StringWriter();
        var error = new StringWriter();
        code = CommandLine.Run(["export", "--model", temp.File("text.s2s"), "--output", temp.File("out.s2s")], output, error);
        Assert.Equal(1, code);
        Assert.Single(error.ToString().TrimEnd().Split('\n'));
        Assert.False(File.Exists(temp.File("out.s2s")));
    }

    [Fact]
    public void KindFollowsTheTrainingStateAndExportDropsIt()
    {
        using var temp = new TempFolder();
        var weights = new ModelFile
        {
            ConfigJson = "{}",
            SourcePipeline = new Dictionary<string, string> { ["a.txt"] = "a" },
            TargetPipeline = new Dictionary<string, string> { ["b.txt"] = "b" },
            Weights = [1, 2, 3],
        };
        TrainingCheckpoint.Create(weights, [4, 5], new TrainingState { Step = 7, BestScore = 1.5 }).Save(temp.File("c.ckpt"));
        var loaded = ModelFile.Load(temp.File("c.ckpt"));
        Assert.Equal(ModelFile.CheckpointKind, loaded.Kind);
        Assert.Equal(new byte[] { 4, 5 }, TrainingCheckpoint.OptimizerState(loaded));
        Assert.Equal(7, TrainingCheckpoint.State(loaded, "c.ckpt")!.Step);

        // What Export writes (Export itself first loads the model, so it needs a real one: TranslatorTests).
        var exported = loaded.WithoutPayload();
        exported.Save(temp.File("m.s2s"));
        Assert.Equal(ModelFile.ModelKind, exported.Kind);
        var model = ModelFile.Load(temp.File("m.s2s"));
        Assert.Equal(ModelFile.ModelKind, model.Kind);
        Assert.Empty(model.Payload);
        Assert.Null(TrainingCheckpoint.State(model, "m.s2s"));
        Assert.Equal(new byte[] { 1, 2, 3 }, model.Weights);
        Assert.Equal("a", model.SourcePipeline["a.txt"]);
        Assert.Equal("b", model.TargetPipeline["b.txt"]);

        // A file written before the marker had a kind still loads.
        string old = Zip(temp, "old.ckpt", ("format.json", """{"format": "seq2seq-model", "version": 1}"""), ("config.json", "{}"), ("weights.bin", "x"));
        Assert.Equal("x"u8.ToArray(), ModelFile.Load(old).Weights);
    }
}
