using System.Text;
using EditBot.TestSupport;

namespace EditBot.Tests.MaskEditor;

/// <summary>
/// The browser tests start Playwright, which sets <see cref="Console.OutputEncoding"/>, while bots in other tests log to
/// the console: <see cref="ConsoleWriters"/> keeps the two from deadlocking (dotnet/runtime#83723).
/// </summary>
public sealed class ConsoleWritersTests
{
    [Fact]
    public async Task Setting_the_output_encoding_does_not_wait_for_a_writer_another_thread_is_using()
    {
        ConsoleWriters.Detach();
        var writer = Console.Out;
        using var held = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        // A logger in the middle of a write holds the writer (SyncTextWriter locks itself); the setter must not need it.
        var logger = new Thread(() =>
        {
            lock (writer)
            {
                held.Set();
                release.Wait();
            }
        });
        logger.Start();
        held.Wait();
        try
        {
            var set = Task.Run(() => Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            // Not a timing target: a setter that waits for the writer never finishes while the writer is held.
            var finished = await Task.WhenAny(set, Task.Delay(TimeSpan.FromSeconds(20)));
            Assert.True(finished == set, "Console.OutputEncoding's setter waited for Console.Out's lock");
        }
        finally
        {
            release.Set();
            logger.Join();
        }
    }
}
