using System.Globalization;

namespace Seq2Seq.Platform;

/// <summary>The resident memory (RSS) of this process, logged with the training metrics.</summary>
public static class ProcessMemory
{
    /// <summary>Resident bytes: from /proc/self/statm on Linux (cheap, current), else the working set.</summary>
    public static long ResidentBytes()
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                var fields = File.ReadAllText("/proc/self/statm").Split(' ');
                return long.Parse(fields[1], CultureInfo.InvariantCulture) * Environment.SystemPageSize;
            }
            catch (IOException) { }
        }
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
