namespace Seq2Seq.Data;

/// <summary>A sentence pair as vocabulary ids, without bos/eos; Index is its line in the corpus.</summary>
public sealed record TokenizedPair(int Index, int[] Source, int[] Target);
