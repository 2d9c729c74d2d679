using static TorchSharp.torch;

namespace Seq2Seq.Decoding;

/// <summary>
/// The scores of one decoder step: <see cref="LogProbs"/> is rows x vocabulary (log-probabilities
/// of the next token), <see cref="Weights"/> the attention weights rows x source positions (null
/// when the scorer has no attention). The caller owns both tensors (they live in its dispose scope).
/// </summary>
public readonly record struct StepScores(Tensor LogProbs, Tensor? Weights);

/// <summary>
/// What a search needs from the model(s) for one batch of sentences: the next-token
/// log-probabilities for every row (partial hypothesis) given its previous token. The scorer keeps
/// the decoder state of each row; the search decides which rows go on. <see cref="GreedySearch"/>
/// and <see cref="BeamSearch"/> are written once over this interface; <see cref="ModelScorer"/>
/// runs one <see cref="Model.TranslationModel"/>, <see cref="EnsembleScorer"/> averages several scorers.
/// <para>
/// Protocol: <see cref="Start"/> once, then repeatedly <see cref="Step"/> followed by
/// <see cref="Advance"/> (which commits the state that step produced, reordered).
/// </para>
/// </summary>
public interface IStepScorer : IDisposable
{
    /// <summary>Target vocabulary size: the width of <see cref="StepScores.LogProbs"/>.</summary>
    int VocabularySize { get; }

    /// <summary>Number of sentences in the batch.</summary>
    int BatchSize { get; }

    /// <summary>Source length of each sentence (the attention columns that are real tokens).</summary>
    IReadOnlyList<int> SourceLengths { get; }

    /// <summary>
    /// Sets up the rows of the search, all in the initial state: row r continues sentence
    /// <paramref name="rowSentences"/>[r] (e.g. each sentence repeated K times for a beam);
    /// null means one row per sentence, in batch order.
    /// </summary>
    void Start(long[]? rowSentences);

    /// <summary>Scores the next token of every current row; <paramref name="previous"/> holds each row's previous token (int64).</summary>
    StepScores Step(Tensor previous);

    /// <summary>
    /// Commits the state computed by the last <see cref="Step"/>: new row i continues current row
    /// <paramref name="origins"/>[i] (beams reordered, finished sentences dropped); null keeps every row in place.
    /// </summary>
    void Advance(long[]? origins);
}
