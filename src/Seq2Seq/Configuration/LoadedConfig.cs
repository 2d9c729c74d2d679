namespace Seq2Seq.Configuration;

/// <summary>A validated config and where it came from.</summary>
/// <param name="Config">
/// The experiment, with [Path] keys absolute, <see cref="ExperimentConfig.Name"/> set (the file name
/// without extension when the file has none) and <see cref="TrainingConfig.RunDir"/> set
/// (see <see cref="ConfigLoader.DefaultRunDir"/>).
/// </param>
/// <param name="ConfigPath">Full path of the config file.</param>
/// <param name="ConfigFolder">Full path of the folder holding the config file; relative paths were resolved against it.</param>
/// <param name="DisplayPath">The path as the user gave it, used in messages.</param>
public sealed record LoadedConfig(ExperimentConfig Config, string ConfigPath, string ConfigFolder, string DisplayPath);
