namespace Seq2Seq.Configuration;

/// <summary>Optimization, validation, stopping and checkpoints.</summary>
[Doc("Optimizer, schedule, batching, validation, early stopping and checkpoints.")]
public sealed record TrainingConfig
{
    [Doc("Folder for checkpoints, logs and outputs. Default: runs/<name> next to the config's folder when that folder is named 'configs', else runs/<name> inside the config's folder.")]
    [Path]
    [FreeOnResume]
    public string? RunDir { get; init; }

    [Doc("Random seed for initialization, dropout and batch order.")]
    public int Seed { get; init; } = 42;

    [Doc("Threads used by libtorch; 0 for all cores.")]
    [Range(0, 1024)]
    [FreeOnResume]
    public int Threads { get; init; }

    [Doc("'adam', 'adamw' or 'sgd'.")]
    public OptimizerType Optimizer { get; init; } = OptimizerType.Adam;

    [Doc("Initial learning rate.")]
    [Range(0, 100, MinimumExclusive = true)]
    public double LearningRate { get; init; } = 1e-3;

    [Doc("Weight decay (L2 for adam and sgd, decoupled for adamw).")]
    [Range(0, 10)]
    public double WeightDecay { get; init; }

    [Doc("Learning-rate schedule: 'constant', 'plateau' (decay when the validation metric stalls), 'warmup_inverse_sqrt' or 'warmup_exponential'.")]
    public ScheduleType Schedule { get; init; } = ScheduleType.Plateau;

    [Doc("Factor applied to the learning rate on a plateau, or per decay_steps in exponential decay.")]
    [Range(0, 1, MinimumExclusive = true, MaximumExclusive = true)]
    public double DecayFactor { get; init; } = 0.5;

    [Doc("Validations without improvement before the plateau schedule decays the learning rate.")]
    [Range(0, 1000)]
    public int PlateauPatience { get; init; } = 1;

    [Doc("Warmup steps of the warmup schedules.")]
    [Range(0, 10000000)]
    public int WarmupSteps { get; init; } = 1000;

    [Doc("Steps per decay_factor in the warmup_exponential schedule.")]
    [Range(1, 10000000)]
    public int DecaySteps { get; init; } = 10000;

    [Doc("Training stops once the learning rate falls below this.")]
    [Range(0, 100)]
    [FreeOnResume]
    public double MinLearningRate { get; init; } = 1e-5;

    [Doc("'tokens': batch_size counts target tokens; 'sentences': it counts sentence pairs.")]
    public BatchType BatchType { get; init; } = BatchType.Tokens;

    [Doc("Batch size in target tokens or sentences (see batch_type).")]
    [Range(1, 10000000)]
    public int BatchSize { get; init; } = 2000;

    [Doc("Batches per update (gradient accumulation): the gradients of this many consecutive batches are summed and the loss normalized over all of them, so an update sees accumulate x batch_size; the last update of an epoch may have fewer batches. max_steps, validation_frequency and log_frequency count updates.")]
    [Range(1, 1024)]
    public int Accumulate { get; init; } = 1;

    [Doc("Maximum number of passes over the training data.")]
    [Range(1, 100000)]
    [FreeOnResume]
    public int MaxEpochs { get; init; } = 30;

    [Doc("Maximum number of updates; 0 for no limit.")]
    [Range(0, 100000000)]
    [FreeOnResume]
    public int MaxSteps { get; init; }

    [Doc("Gradient-norm clipping threshold; 0 disables clipping.")]
    [Range(0, 1000)]
    public double ClipGradNorm { get; init; } = 1.0;

    [Doc("Label smoothing of the cross-entropy loss.")]
    [Range(0, 1, MaximumExclusive = true)]
    public double LabelSmoothing { get; init; } = 0.1;

    [Doc("Loss normalization: 'tokens' (per target token), 'sentences' or 'none' (sum).")]
    public LossNormalization LossNormalization { get; init; } = LossNormalization.Tokens;

    [Doc("Validate every this many updates (and at the end of each epoch when 0).")]
    [Range(0, 100000000)]
    public int ValidationFrequency { get; init; } = 1000;

    [Doc("Log training figures every this many updates.")]
    [Range(1, 100000000)]
    [FreeOnResume]
    public int LogFrequency { get; init; } = 100;

    [Doc("Validation metric that selects the best checkpoint: 'bleu', 'loss' or 'perplexity'.")]
    public ValidationMetric EarlyStoppingMetric { get; init; } = ValidationMetric.Bleu;

    [Doc("Stop after this many validations without improvement; 0 disables early stopping.")]
    [Range(0, 100000)]
    [FreeOnResume]
    public int EarlyStoppingPatience { get; init; }

    [Doc("Number of best checkpoints kept on disk.")]
    [Range(1, 1000)]
    public int KeepBestCheckpoints { get; init; } = 3;

    [Doc("Also write the training and validation figures as TensorBoard event files (events.out.tfevents.*) in the run folder, for `tensorboard --logdir runs/`.")]
    [FreeOnResume]
    public bool Tensorboard { get; init; }

    [Doc("Dev translations printed next to their references at each validation.")]
    [Range(0, 1000)]
    [FreeOnResume]
    public int PrintValidationExamples { get; init; } = 3;
}

public enum OptimizerType { Adam, Adamw, Sgd }

public enum ScheduleType { Constant, Plateau, WarmupInverseSqrt, WarmupExponential }

public enum BatchType { Tokens, Sentences }

public enum LossNormalization { Tokens, Sentences, None }

public enum ValidationMetric { Bleu, Loss, Perplexity }
