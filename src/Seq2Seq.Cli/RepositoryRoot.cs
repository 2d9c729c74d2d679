namespace Seq2Seq.Cli;

/// <summary>Finds the repository (the folder holding Seq2Seq.sln) from the working folder or the program's folder.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Seq2Seq.sln"))) return dir.FullName;
            }
        }
        throw new UserError("cannot find the Seq2Seq repository (Seq2Seq.sln) above the working folder; pass --config or --out");
    }
}
