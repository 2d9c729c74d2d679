using System.Text;

namespace Seq2Seq.Tokenization;

/// <summary>Loads any <see cref="ISubwordTokenizer"/> from its files (a directory or file name → text map).</summary>
public static class TokenizerFiles
{
    /// <summary>Recognizes the tokenizer kind by its file names.</summary>
    public static ISubwordTokenizer FromFiles(IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.ContainsKey(BpeModel.VocabFileName) && files.ContainsKey(BpeModel.MergesFileName))
        {
            return SubwordTokenizer.FromFiles(files);
        }

        if (files.ContainsKey(SentencePieceSubwordTokenizer.Base64FileName))
        {
            return SentencePieceSubwordTokenizer.FromFiles(files);
        }

        throw new ArgumentException(
            $"Unrecognized tokenizer files [{string.Join(", ", files.Keys)}]: expected '{BpeModel.VocabFileName}' + '{BpeModel.MergesFileName}' " +
            $"or '{SentencePieceSubwordTokenizer.Base64FileName}'.",
            nameof(files));
    }

    /// <summary>Loads the tokenizer saved in <paramref name="directory"/>.</summary>
    public static ISubwordTokenizer Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (File.Exists(Path.Combine(directory, BpeModel.VocabFileName)))
        {
            return SubwordTokenizer.Load(directory);
        }

        if (File.Exists(Path.Combine(directory, SentencePieceSubwordTokenizer.Base64FileName)))
        {
            return SentencePieceSubwordTokenizer.FromFiles(new Dictionary<string, string>
            {
                [SentencePieceSubwordTokenizer.Base64FileName] = File.ReadAllText(Path.Combine(directory, SentencePieceSubwordTokenizer.Base64FileName)),
            });
        }

        throw new FileNotFoundException($"No tokenizer files ('{BpeModel.VocabFileName}' or '{SentencePieceSubwordTokenizer.Base64FileName}') in '{directory}'.");
    }

    /// <summary>Writes each file as UTF-8 without byte-order mark.</summary>
    public static void Write(string directory, IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(files);
        Directory.CreateDirectory(directory);
        foreach (KeyValuePair<string, string> file in files)
        {
            Files.DurableFile.WriteAllText(Path.Combine(directory, file.Key), file.Value);
        }
    }
}
