using Seq2Seq.Cli;
using Seq2Seq.Configuration;
using Seq2Seq.Decoding;
using Seq2Seq.Packaging;
using Seq2Seq.Tests.Plotting;
using Seq2Seq.Tests.Workflow;
using Seq2Seq.Training;

namespace Seq2Seq.Tests.Decoding;

/// <summary>
/// A tiny model trained for a few steps on the word-reversal task of <see cref="ReversalExperiment"/>,
/// exported with <c>seq2seq export</c> into a folder of its own. The translations of
/// <see cref="Lines"/> by the training checkpoint are recorded, then the whole experiment folder
/// (corpus, config, run folder with its checkpoints) is deleted: the tests have only the package.
/// </summary>
public sealed class TrainedPackageFixture : IDisposable
{
    private readonly TempFolder folder = new();

    public string Package => folder.File("tiny.s2s");

    public string Folder => folder.Path;

    /// <summary>The test split's source lines plus an empty line.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>Beam-3 translations of <see cref="Lines"/> by the checkpoint the package was exported from.</summary>
    public IReadOnlyList<string> CheckpointTranslations { get; }

    public string CheckpointKind { get; }

    public string ExportOutput { get; }

    public string DeletedRunDir { get; }

    public TrainedPackageFixture()
    {
        using (var tiny = ReversalExperiment.Tiny(maxSteps: 30, validationFrequency: 30))
        {
            var summary = new Trainer(ConfigLoader.Load(tiny.ConfigPath), TextWriter.Null).Run(RunDirectory.Mode.New);
            Lines = [.. File.ReadAllLines(tiny.Folder.File("test.src")), ""];
            CheckpointKind = ModelFile.Load(summary.BestCheckpoint).Kind;
            using (var translator = Translator.Load(summary.BestCheckpoint))
            {
                CheckpointTranslations = translator.Translate(Lines, beam: 3);
            }
            var output = new StringWriter();
            var error = new StringWriter();
            int code = CommandLine.Run(["export", "--model", summary.BestCheckpoint, "--output", Package], output, error);
            if (code != 0) throw new InvalidOperationException($"export failed: {error}");
            ExportOutput = output.ToString();
            DeletedRunDir = tiny.RunDir;
        }
        if (Directory.Exists(DeletedRunDir)) throw new InvalidOperationException("the experiment folder was not deleted");
    }

    public void Dispose() => folder.Dispose();
}
