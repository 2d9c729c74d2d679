namespace Seq2Seq.Decoding;

/// <summary>
/// One translation candidate: target ids without bos/eos, its score (log-probability, length
/// normalized in beam search) and, when requested, its attention weights (one row per output
/// token incl. eos, one column per source token).
/// </summary>
public sealed record Hypothesis(int[] Tokens, double Score, float[][]? Attention = null);
