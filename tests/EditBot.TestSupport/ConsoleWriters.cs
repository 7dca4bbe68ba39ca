using System.Text;

namespace EditBot.TestSupport;

/// <summary>
/// Points <see cref="Console.Out"/> and <see cref="Console.Error"/> at writers of this process's own, straight on the
/// standard streams, once per process, before a test starts a bot or a browser.
/// </summary>
/// <remarks>
/// Why: the <see cref="Console.OutputEncoding"/> setter, which Playwright calls each time it starts its driver, takes the
/// console's lock and then flushes the console's writer, while a logger flushing that writer (the bot's Serilog console
/// sink, in another test running alongside) holds the writer and then asks for the console's lock: a lock-order
/// deadlock (dotnet/runtime#83723, open). One test run hung on it for 20 minutes with both threads in those frames. Once
/// the writers are set with <see cref="Console.SetOut"/>, the setter leaves them alone, and nothing else takes the two
/// locks in the other order.
/// </remarks>
public static class ConsoleWriters
{
    private static readonly Lazy<bool> Detached = new(() =>
    {
        Console.SetOut(Own(Console.OpenStandardOutput()));
        Console.SetError(Own(Console.OpenStandardError()));
        return true;
    });

    /// <summary>Idempotent and thread-safe; cheap after the first call.</summary>
    public static void Detach() => _ = Detached.Value;

    private static TextWriter Own(Stream stream) =>
        TextWriter.Synchronized(new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = true });
}
