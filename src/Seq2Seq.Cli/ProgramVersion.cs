using System.Reflection;

namespace Seq2Seq.Cli;

/// <summary>The program's version, as <c>seq2seq --version</c> and the server's /info give it.</summary>
public static class ProgramVersion
{
    /// <summary>The informational version: the package version and, when built from a git clone, "+" and the commit.</summary>
    public static string Informational =>
        typeof(ProgramVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
