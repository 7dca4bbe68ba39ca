namespace EditBot.Benchmarks.Imaging;

/// <summary>
/// This process's resident memory from /proc. Writing 5 to clear_refs resets the high-water mark (Linux 4.0+), so
/// the peak of one operation can be read on its own.
/// </summary>
internal static class ProcessMemory
{
    public static bool TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static long ResidentBytes() => Read("VmRSS:");

    public static long PeakResidentBytes() => Read("VmHWM:");

    private static long Read(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0]) * 1024;
    }
}
