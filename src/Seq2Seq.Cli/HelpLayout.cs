using System.CommandLine;
using System.CommandLine.Help;

namespace Seq2Seq.Cli;

/// <summary>
/// System.CommandLine's help, with the program called by its name: the usage line says
/// "seq2seq translate [options]" however the program was started (the installed tool, dotnet run,
/// the test host), where System.CommandLine would show the launching file's name.
/// </summary>
internal static class HelpLayout
{
    /// <summary>The help action, wrapping at the terminal's width (100 columns when not a terminal).</summary>
    public static HelpAction Create() => new() { MaxWidth = Console.IsOutputRedirected ? 100 : Math.Clamp(SafeWindowWidth(), 60, 160) };

    /// <summary>Runs a parse whose action is help, writing the help with the program's own name.</summary>
    public static int Write(ParseResult parse, TextWriter output, TextWriter error)
    {
        var text = new StringWriter();
        int code = parse.Invoke(new InvocationConfiguration { Output = text, Error = error, EnableDefaultExceptionHandler = false });
        string help = text.ToString();
        string launcher = $"  {RootCommand.ExecutableName}";
        int at = help.IndexOf(launcher, StringComparison.Ordinal);
        if (at >= 0 && !RootCommand.ExecutableName.Equals(CommandLine.Program, StringComparison.Ordinal))
        {
            help = string.Concat(help.AsSpan(0, at), $"  {CommandLine.Program}", help.AsSpan(at + launcher.Length));
        }
        output.Write(WithDetails(help, parse.CommandResult.Command));
        return code;
    }

    /// <summary>A verb's help gives its details under the one-line summary, as written (they are wrapped already).</summary>
    private static string WithDetails(string help, Command command)
    {
        var verb = CommandLine.Commands.FirstOrDefault(v => v.Command == command);
        int summaryEnd = help.IndexOf('\n', help.IndexOf('\n') + 1);
        if (verb is null || verb.Details.Length == 0 || summaryEnd < 0) return help;
        var details = string.Join("", verb.Details.Split('\n').Select(line => $"\n  {line.TrimEnd()}".TrimEnd(' ')));
        return string.Concat(help.AsSpan(0, summaryEnd), "\n", details, help.AsSpan(summaryEnd));
    }

    private static int SafeWindowWidth()
    {
        try { return Console.WindowWidth; } catch (IOException) { return 100; }
    }
}
