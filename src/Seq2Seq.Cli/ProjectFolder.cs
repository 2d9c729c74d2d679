namespace Seq2Seq.Cli;

/// <summary>
/// Where the verbs that need no config put their files (demo, corpus): the Seq2Seq repository when
/// the working folder is inside a clone of it (the folder holding Seq2Seq.sln), else the working
/// folder itself, so that an installed <c>seq2seq</c> works anywhere. Inside it, as in the repository,
/// the demo corpus is corpora/demo and runs go to runs/.
/// </summary>
public static class ProjectFolder
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Seq2Seq.sln"))) return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }

    /// <summary>The demo corpus folder of a project: &lt;project&gt;/corpora/demo.</summary>
    public static string DemoCorpus(string project) => Path.Combine(project, "corpora", "demo");
}
