namespace Seq2Seq.Evaluation.Tokenizers;

/// <summary>
/// A sacreBLEU tokenizer: turns one (already lowercased and right-stripped) segment into a line whose
/// whitespace-separated parts are the BLEU tokens. The caller splits the result with Python's
/// <c>str.split()</c> semantics (<see cref="Compatibility.PythonText.Split"/>).
/// </summary>
public interface IBleuTokenizer
{
    /// <summary>The name sacreBLEU prints in the signature's <c>tok:</c> field, e.g. "13a".</summary>
    string Signature { get; }

    /// <summary>Tokenizes one segment, returning the tokens joined by whitespace.</summary>
    string Tokenize(string line);
}
