using Seq2Seq.Tokenization;
using static Seq2Seq.Tests.Tokenization.SentencePieceModelWriter;

namespace Seq2Seq.Tests.Tokenization;

public class SentencePieceSubwordTokenizerTests
{
    private static IEnumerable<(string, float, int)> Specials() =>
        [("<unk>", 0f, UnknownPiece), ("<s>", 0f, ControlPiece), ("</s>", 0f, ControlPiece)];

    private static IEnumerable<(string, float, int)> BytePieces() =>
        Enumerable.Range(0, 256).Select(b => ($"<0x{b:X2}>", 0f, BytePiece));

    private static IEnumerable<(string, float, int)> NormalPieces()
    {
        string[] merged = ["▁H", "▁Ha", "▁Hau", "▁Haus", "▁d", "▁da", "▁das", "us", "."];
        string[] chars = ["▁", "H", "a", "u", "s", "d", "e", "."];
        return merged.Select((p, i) => (p, -(float)i, NormalPiece))
            .Concat(chars.Where(c => !merged.Contains(c)).Select((p, i) => (p, -100f - i, NormalPiece)));
    }

    private static SentencePieceSubwordTokenizer Create(bool byteFallback) =>
        SentencePieceSubwordTokenizer.FromModelBytes(
            Write(byteFallback ? Specials().Concat(BytePieces()).Concat(NormalPieces()) : Specials().Concat(NormalPieces()), BpeModelType, byteFallback));

    [Fact]
    public void EncodesWithTheModelsPiecesAndDecodesExactly()
    {
        SentencePieceSubwordTokenizer tokenizer = Create(byteFallback: false);
        Assert.Equal("sentencepiece", tokenizer.Kind);
        IReadOnlyList<string> tokens = tokenizer.EncodeToTokens("das Haus.");
        Assert.Equal(["▁das", "▁Haus", "."], tokens);
        Assert.Equal("das Haus.", tokenizer.Decode(tokens));
    }

    [Fact]
    public void UnknownCharactersKeepTheirTextWithoutByteFallback()
    {
        SentencePieceSubwordTokenizer tokenizer = Create(byteFallback: false);
        foreach (string line in new[] { "das ☃ Haus", "Haus😀.", "Straße" })
        {
            IReadOnlyList<string> tokens = tokenizer.EncodeToTokens(line);
            Assert.DoesNotContain("<unk>", tokens);
            Assert.Equal(line, tokenizer.Decode(tokens));
        }

        var vocabulary = Vocabulary.Build([tokenizer.EncodeToTokens("das Haus.")]);
        Assert.Contains(Vocabulary.UnkId, vocabulary.Encode(tokenizer.EncodeToTokens("das ☃")));
    }

    [Fact]
    public void ByteFallbackPiecesDecodeBackToCharacters()
    {
        SentencePieceSubwordTokenizer tokenizer = Create(byteFallback: true);
        IReadOnlyList<string> tokens = tokenizer.EncodeToTokens("das ☃");
        Assert.Equal(["▁das", "▁", "<0xE2>", "<0x98>", "<0x83>"], tokens);
        Assert.Equal("das ☃", tokenizer.Decode(tokens));
        Assert.Equal("Haus 😀 und Straße.", tokenizer.Decode(tokenizer.EncodeToTokens("Haus 😀 und Straße.")));
    }

    [Fact]
    public void ModelSurvivesFilesAndDirectories()
    {
        SentencePieceSubwordTokenizer tokenizer = Create(byteFallback: true);
        IReadOnlyDictionary<string, string> files = tokenizer.ToFiles();
        Assert.Equal([SentencePieceSubwordTokenizer.Base64FileName], files.Keys);
        ISubwordTokenizer fromFiles = TokenizerFiles.FromFiles(files);
        Assert.IsType<SentencePieceSubwordTokenizer>(fromFiles);

        string dir = Path.Combine(Path.GetTempPath(), "seq2seq-sp-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            tokenizer.Save(dir);
            File.WriteAllBytes(Path.Combine(dir, "m.model"), Convert.FromBase64String(files[SentencePieceSubwordTokenizer.Base64FileName]));
            foreach (ISubwordTokenizer other in new[] { fromFiles, TokenizerFiles.Load(dir), SentencePieceSubwordTokenizer.FromModelFile(Path.Combine(dir, "m.model")) })
            {
                Assert.Equal(tokenizer.EncodeToTokens("das Haus ☃."), other.EncodeToTokens("das Haus ☃."));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
