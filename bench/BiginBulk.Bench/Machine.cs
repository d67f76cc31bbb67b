using System.Globalization;
using System.Runtime.InteropServices;

namespace BiginBulk.Bench;

/// <summary>What the numbers ran on, for docs/benchmarks.md. The load average matters on a shared machine:
/// numbers taken under load are slower than the machine is.</summary>
internal sealed record Machine(int Cores, long MemoryMegabytes, string Cpu, string Runtime, string Os)
{
    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Trim();

    public static Machine Describe()
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        var memory = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var kilobytes = long.Parse(memory["MemTotal:".Length..].Trim().Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture);
        return new Machine(Environment.ProcessorCount, kilobytes / 1024, cpu, RuntimeInformation.FrameworkDescription, RuntimeInformation.OSDescription);
    }
}
