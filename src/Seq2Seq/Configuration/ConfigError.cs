namespace Seq2Seq.Configuration;

/// <summary>A user error in a config file: the message names the file, line and JSON path.</summary>
public sealed class ConfigError(string message) : UserError(message);
