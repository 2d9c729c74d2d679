namespace Seq2Seq.Cli;

/// <summary>Words of a command line as a POSIX shell reads them back, for "continue with: ..." hints.</summary>
public static class Shell
{
    /// <summary><paramref name="word"/> unchanged when it has only safe characters, else in single quotes.</summary>
    public static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "_-./=:,+@%".Contains(c))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
