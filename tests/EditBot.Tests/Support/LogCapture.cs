using Serilog.Core;
using Serilog.Events;

namespace EditBot.Tests.Support;

/// <summary>Every log event of an in-process bot (registered as a Serilog sink), as the console would show it.</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly List<LogEvent> _events = [];

    public IReadOnlyList<LogEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public int Count => Events.Count;

    public void Emit(LogEvent logEvent)
    {
        lock (_events)
        {
            _events.Add(logEvent);
        }
    }

    public static string Source(LogEvent e) =>
        e.Properties.TryGetValue("SourceContext", out var s) && s is ScalarValue { Value: string name } ? name : string.Empty;

    public static string Line(LogEvent e) => $"{e.Level} {Source(e)}: {e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)}";
}
