namespace Seq2Seq.Configuration;

/// <summary>A whole experiment: the root of a JSON config file.</summary>
[Doc("A Seq2Seq experiment: data, tokenizer, model, training, decoding and evaluation.")]
public sealed record ExperimentConfig
{
    [Doc("Name of the experiment; the default run folder is runs/<name>. Defaults to the config file name.")]
    [FreeOnResume]
    public string? Name { get; init; }

    public DataConfig Data { get; init; } = new();
    public TokenizerConfig Tokenizer { get; init; } = new();
    public ModelConfig Model { get; init; } = new();
    public TrainingConfig Training { get; init; } = new();
    public DecodingConfig Decoding { get; init; } = new();
    public EvaluationConfig Evaluation { get; init; } = new();
}
