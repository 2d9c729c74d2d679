using System.Runtime.InteropServices;

namespace Seq2Seq.ProcessMemory;

/// <summary>
/// Tunes glibc's malloc for libtorch's allocation pattern. libtorch allocates and frees many large
/// tensor buffers every step. By default glibc serves each large buffer with a fresh mmap and returns
/// it with munmap on free, so every step touches fresh pages, and each page fault is expensive (on
/// the sandboxed machines this project runs on, about 12 µs per 4 KiB page: an elementwise op on a
/// 36 MB tensor took 110 ms instead of 7 ms). Serving all buffers from the heap (no mmap) and never
/// trimming it lets freed buffers be reused at once. Measured here: log_softmax over 1120x8000
/// 108 ms -> 7 ms; a 1120x512x8000 matrix product 250 ms -> 108 ms.
/// The settings apply to the whole process and are idempotent; they do nothing off glibc.
/// </summary>
public static partial class NativeHeap
{
    private const int M_TRIM_THRESHOLD = -1, M_TOP_PAD = -2, M_MMAP_MAX = -4;
    private static int configured;

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int MallOpt(int parameter, int value);

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);

    /// <summary>
    /// Gives the heap's free pages back to the system (malloc_trim). For rare points only, such as
    /// after a validation: buffers of shapes that training does not use again (decoding the dev set,
    /// serializing a checkpoint) would otherwise stay resident; the next steps fault their pages in
    /// again, which is cheap once per validation and expensive once per step.
    /// </summary>
    public static void Release()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            _ = MallocTrim(0); // 1 if memory was released, 0 if not: nothing to do either way
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc: nothing to trim.
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct MallInfo2
    {
        public nuint Arena, OrdBlks, SmBlks, HBlks, HBlkHd, UsmBlks, FsmBlks, UordBlks, FordBlks, KeepCost;
    }

    [LibraryImport("libc", EntryPoint = "mallinfo2")]
    private static partial MallInfo2 MallInfo();

    /// <summary>
    /// What glibc's malloc holds, over all arenas (mallinfo2): bytes in use by the program, bytes
    /// free inside the heap (fragmentation and buffers kept for reuse), and bytes in separately
    /// mapped blocks. Growth of resident memory that shows as growing free bytes is fragmentation;
    /// growing bytes in use is a leak. Null off glibc (or before 2.33).
    /// </summary>
    public static NativeHeapUsage? Usage()
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            var info = MallInfo();
            return new NativeHeapUsage((long)info.UordBlks, (long)info.FordBlks, (long)info.HBlkHd);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    public static void Configure()
    {
        if (!OperatingSystem.IsLinux() || Interlocked.Exchange(ref configured, 1) == 1) return;
        try
        {
            _ = MallOpt(M_MMAP_MAX, 0);                // large blocks come from the heap, reusable after free
            _ = MallOpt(M_TRIM_THRESHOLD, int.MaxValue); // never give the top of the heap back between steps
            _ = MallOpt(M_TOP_PAD, 64 << 20);          // grow the heap in 64 MiB steps
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (e.g. musl): keep the allocator's defaults.
        }
    }
}

/// <summary>glibc malloc's totals: in use, free within the heap, and mapped separately (bytes).</summary>
public sealed record NativeHeapUsage(long InUseBytes, long FreeBytes, long MappedBytes);
