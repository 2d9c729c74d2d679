using System.Text;

namespace Seq2Seq.Tests;

/// <summary>
/// The tiny task of the training tests: reverse a sentence of 2 to maxWords words over 12 words
/// (one with an umlaut). Writes '&lt;name&gt;.src' and '&lt;name&gt;.trg' in a folder.
/// </summary>
internal static class ReversalCorpus
{
    private static readonly string[] Words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mü"];

    public static void WriteSplit(TempFolder folder, string name, int count, int maxWords, Random random)
    {
        var source = new StringBuilder();
        var target = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            var words = Enumerable.Range(0, random.Next(2, maxWords + 1)).Select(_ => Words[random.Next(Words.Length)]).ToArray();
            source.Append(string.Join(' ', words)).Append('\n');
            target.Append(string.Join(' ', words.Reverse())).Append('\n');
        }
        File.WriteAllText(folder.File($"{name}.src"), source.ToString());
        File.WriteAllText(folder.File($"{name}.trg"), target.ToString());
    }
}
