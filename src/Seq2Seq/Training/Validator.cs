using Seq2Seq.Configuration;
using Seq2Seq.Data;
using Seq2Seq.Decoding;
using Seq2Seq.Evaluation;
using Seq2Seq.Model;
using static TorchSharp.torch;

namespace Seq2Seq.Training;

/// <summary>
/// Validation on the dev set: teacher-forced loss and perplexity, then greedy translation of the
/// raw dev sources through <see cref="Translator"/> (the path test decoding and translate take),
/// scored with the project's sacreBLEU-exact BLEU against the raw references.
/// A few translations are printed next to their references.
/// </summary>
public sealed class Validator(TranslationModel model, PreparedCorpus corpus, ExperimentConfig config, TextWriter log)
{
    public ValidationResult Validate(int step)
    {
        model.eval();
        double nll = 0;
        long tokens = 0;
        using (no_grad())
        {
            var withTargets = corpus.Dev.Where(p => p.Source.Length > 0).ToArray();
            foreach (var pairs in BatchPlan.Make(withTargets, BatchType.Tokens, config.Decoding.BatchTokens, 0, 0, shuffle: false))
            {
                using var scope = NewDisposeScope();
                using var batch = new Batch(pairs);
                var attentional = model.ForwardAttentional(batch.Source, batch.SourceLengths, batch.TargetInput, batch.StepSizes);
                nll += ChunkedNegativeLogLikelihood(attentional, batch.PackedTargets);
                tokens += batch.TargetTokens;
            }
        }
        double loss = tokens > 0 ? nll / tokens : 0;
        using var translator = Translator.ForModel(model, config, corpus.Source, corpus.Target);
        var options = translator.DefaultOptions with { BeamSize = 1, NBest = 1, KeepAttention = false };
        var translations = translator.TranslateDetailed(corpus.DevSourceText, options).Select(r => r.Text).ToArray();
        var bleu = DevBleu.Score(translations, corpus.DevTargetText, config.Evaluation);
        for (int i = 0; i < Math.Min(config.Training.PrintValidationExamples, translations.Length); i++)
        {
            log.WriteLine($"  source     {corpus.DevSourceText[i]}");
            log.WriteLine($"  reference  {corpus.DevTargetText[i]}");
            log.WriteLine($"  hypothesis {translations[i]}");
        }
        return new ValidationResult(loss, Math.Exp(loss), bleu.Score, bleu.Line);
    }

    /// <summary>Logits of at most this many elements exist at once (256 MB of floats), whatever the dev batch holds.</summary>
    private const long MaxLogitElements = 64L << 20;

    /// <summary>The summed NLL of a batch's positions, projected to the vocabulary a bounded slice at a time.</summary>
    private double ChunkedNegativeLogLikelihood(Tensor attentional, Tensor targets)
    {
        long rows = attentional.shape[0], chunk = Math.Max(1, MaxLogitElements / model.Decoder.VocabularySize);
        double sum = 0;
        for (long start = 0; start < rows; start += chunk)
        {
            long count = Math.Min(chunk, rows - start);
            var (_, nll) = TranslationLoss.Sum(model.Decoder, attentional.narrow(0, start, count), targets.narrow(0, start, count), 0.0);
            sum += nll.item<float>();
        }
        return sum;
    }
}
