using System.Runtime.InteropServices;

namespace Seq2Seq.Training;

/// <summary>
/// Returns freed memory to the operating system. libtorch allocates and frees many tensor buffers
/// per step; glibc's malloc keeps the freed pages in fragmented arenas, so resident memory creeps
/// up over thousands of steps even when every tensor is disposed. malloc_trim(0) releases them.
/// </summary>
internal static partial class NativeHeap
{
    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);

    private static bool unavailable;

    public static void Trim()
    {
        if (unavailable || !OperatingSystem.IsLinux()) return;
        try
        {
            MallocTrim(0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            unavailable = true; // musl or another libc without malloc_trim
        }
    }
}
