using EditBot.Core.Polling;

namespace EditBot.Benchmarks.Polling;

/// <summary>
/// A second scenario: jobs of three qualities with their own log-normal durations, interleaved. A fixed interval
/// must suit all of them; the adaptive policy learns each key separately.
/// </summary>
public static class MixedWorkload
{
    public static readonly (DurationKey Key, double Median, double P95)[] Classes =
    [
        (new DurationKey("LOW", "1024X1024", 1), 12, 25),
        (new DurationKey("MEDIUM", "1024X1024", 1), 25, 50),
        (new DurationKey("HIGH", "1024X1024", 1), 60, 120),
    ];

    public static (DurationKey[] Keys, double[] Durations) Build(int count, int seed)
    {
        var random = new Random(seed);
        var perClass = Classes.Select((c, i) => PollingSimulator.Durations(count, c.Median, c.P95, seed + 100 + i)).ToArray();
        var keys = new DurationKey[count];
        var durations = new double[count];
        for (var i = 0; i < count; i++)
        {
            var which = random.Next(Classes.Length);
            keys[i] = Classes[which].Key;
            durations[i] = perClass[which][i];
        }

        return (keys, durations);
    }
}
