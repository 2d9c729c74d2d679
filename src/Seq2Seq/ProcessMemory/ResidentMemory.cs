using System.Globalization;

namespace Seq2Seq.ProcessMemory;

/// <summary>The resident memory (RSS) of this process, logged with the training metrics.</summary>
public static class ResidentMemory
{
    /// <summary>Resident bytes: from /proc/self/statm on Linux (cheap, current), else the working set.</summary>
    public static long Bytes()
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
