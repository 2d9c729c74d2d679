using Seq2Seq.Decoding;
using Seq2Seq.Training;
using System.CommandLine;
using System.Globalization;

namespace Seq2Seq.Cli.Commands;

public sealed class ExportCommand : Verb
{
    private readonly Option<string?> modelOption = CliOptions.Text("--model", "FILE", "a checkpoint (runs/<name>/best.ckpt) or another package", required: true);
    private readonly Option<string?> outputOption = CliOptions.Text("--output", "FILE", "the package to write (by convention FILE.s2s); written atomically", required: true);
    private readonly Option<bool> overwriteOption = CliOptions.Flag("--overwrite", "replace an existing output file");

    public ExportCommand() : base("export", "package a checkpoint as a model file for translation (no optimizer state)", """
        Writes a model package: one file with the weights, config, tokenizers and vocabularies of a
        checkpoint, without its optimizer and trainer state (so it cannot resume training, and is
        smaller). It needs nothing else: 'seq2seq translate --model FILE.s2s' and the library's
        Translator.Load("FILE.s2s") read it. The source is checked completely (its model is built
        and its weights loaded) before the output is written, so a damaged source leaves an
        existing package untouched.
        """)
    {
        Declare(modelOption, outputOption, overwriteOption);
    }

    protected override int Run(ParseResult parse, TextWriter output, TextWriter error)
    {
        string model = parse.GetValue(modelOption)!;
        string package = parse.GetValue(outputOption)!;
        bool overwrite = parse.GetValue(overwriteOption);
        if (File.Exists(package) && !overwrite) throw new UserError($"{package} exists; give --overwrite to replace it");

        var exported = Packaging.ModelExport.Export(model, package);
        // The package is read back when it is a file (not when it went to a pipe or device).
        bool file = Seq2Seq.Files.FileKinds.Of(Seq2Seq.Files.DurableFile.FinalTarget(package)) == Seq2Seq.Files.FileKind.Regular;
        using var translator = Translator.Load(file ? package : model);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"exported {model} -> {package} ({exported.Kind}, {new FileInfo(package).Length / 1024.0 / 1024.0:F1} MB; source vocabulary {translator.Source.Vocabulary.Count}, target vocabulary {translator.Target.Vocabulary.Count})"));
        return 0;
    }
}
