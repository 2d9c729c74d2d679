using Seq2Seq.Configuration;
using System.Runtime.CompilerServices;

namespace Seq2Seq.Tests.Configuration;

/// <summary>
/// configs/schema.json and docs/config-reference.md must match what the code generates.
/// With SEQ2SEQ_UPDATE_SCHEMA=1 the tests rewrite them instead.
/// </summary>
public sealed class GeneratedFilesTests
{
    private const string UpdateVariable = "SEQ2SEQ_UPDATE_SCHEMA";

    [Fact]
    public void SchemaIsUpToDate() => Check("configs/schema.json", ConfigSchema.Generate());

    [Fact]
    public void ReferenceIsUpToDate() => Check("docs/config-reference.md", ConfigReference.Markdown());

    private static void Check(string relativePath, string generated)
    {
        var path = Path.Combine(RepositoryRoot(), relativePath);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
            return;
        }
        var current = File.Exists(path) ? File.ReadAllText(path) : null;
        Assert.True(current == generated,
            $"{relativePath} is {(current == null ? "missing" : "out of date")}; regenerate it with " +
            $"{UpdateVariable}=1 dotnet test tests/Seq2Seq.Tests --filter \"FullyQualifiedName~Seq2Seq.Tests.Configuration\"");
    }

    /// <summary>The folder with Seq2Seq.sln above this source file (where the tests were compiled from).</summary>
    private static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        for (var folder = new FileInfo(sourceFile).Directory; folder != null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Seq2Seq.sln")))
                return folder.FullName;
        throw new InvalidOperationException($"No Seq2Seq.sln above {sourceFile}.");
    }
}
