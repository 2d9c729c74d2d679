using Seq2Seq.Configuration;

namespace Seq2Seq.Tests.Configuration;

/// <summary>A temporary folder for config files, deleted on dispose.</summary>
internal sealed class TempConfigFolder : IDisposable
{
    /// <summary>The data section every loadable config needs.</summary>
    public const string Data = "\"data\": { \"train\": \"corpus/train\", \"dev\": \"corpus/dev\" }";

    public string Root { get; } = Directory.CreateTempSubdirectory("seq2seq-config-").FullName;

    /// <summary>Writes a file below the folder and returns its full path.</summary>
    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return path;
    }

    /// <summary>Writes configs/x.json and returns the message of the ConfigError loading it throws.</summary>
    public string LoadError(string json, out string path)
    {
        path = Write("configs/x.json", json);
        var file = path;
        return Assert.Throws<ConfigError>(() => ConfigLoader.Load(file)).Message;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
