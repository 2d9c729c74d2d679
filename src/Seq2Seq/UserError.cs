namespace Seq2Seq;

/// <summary>
/// An error caused by the user's input (a file, an option, a config value). The command-line
/// program prints its message as one line on stderr, without a stack trace, and exits non-zero.
/// </summary>
public class UserError(string message) : Exception(message);
