using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace EditBot.Tests.Support.Twin;

/// <summary>
/// The third-party emulator <c>discord-digital-twin</c> (npm) in a node child process on a free loopback port, driven
/// through <c>tests/third-party/twin-driver.mjs</c>: one JSON line per request on stdin, one per answer on stdout.
/// Disposing closes stdin (the driver then stops the twin) and kills the process if it lingers.
/// </summary>
public sealed class DigitalTwin : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly Dictionary<int, TaskCompletionSource<JsonObject>> _pending = [];
    private readonly TaskCompletionSource<JsonObject> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StringBuilder _stderr = new();
    private int _nextId;

    private DigitalTwin(Process process)
    {
        _process = process;
    }

    /// <summary>The first line the driver wrote: restUrl, gatewayUrl, botToken and the seeded ids.</summary>
    public JsonObject Info { get; private set; } = [];

    /// <summary>The REST base, <c>http://127.0.0.1:port/api/v10</c>: the value for <c>Discord:ApiBaseUrl</c>.</summary>
    public string ApiBaseUrl => Info["restUrl"]!.GetValue<string>();

    public string BotToken => Info["botToken"]!.GetValue<string>();

    public string Id(string name) => Info[name]!.GetValue<string>();

    public static async Task<DigitalTwin> StartAsync()
    {
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = ThirdPartyFolder.Require("discord-digital-twin"),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("twin-driver.mjs");
        var twin = new DigitalTwin(new Process { StartInfo = info });
        twin._process.OutputDataReceived += (_, e) => twin.OnLine(e.Data);
        twin._process.ErrorDataReceived += (_, e) => { lock (twin._stderr) { twin._stderr.AppendLine(e.Data); } };
        twin._process.Start();
        twin._process.BeginOutputReadLine();
        twin._process.BeginErrorReadLine();
        try
        {
            twin.Info = await twin._started.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            await twin.DisposeAsync();
            throw new TimeoutException($"discord-digital-twin did not start within {StartTimeout}. stderr:\n{twin.StandardError}");
        }

        return twin;
    }

    public string StandardError { get { lock (_stderr) { return _stderr.ToString(); } } }

    /// <summary>What else a timed-out wait should report (e.g. the bot's log), so a failure says why.</summary>
    public Func<string> Context { get; set; } = () => "";

    /// <summary>Runs one of the driver's ops (see twin-driver.mjs) and returns its result.</summary>
    public async Task<JsonNode?> CallAsync(string op, JsonObject? args = null)
    {
        var request = args ?? [];
        var answer = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_pending)
        {
            request["id"] = ++_nextId;
            _pending[_nextId] = answer;
        }

        request["op"] = op;
        await _process.StandardInput.WriteLineAsync(request.ToJsonString());
        await _process.StandardInput.FlushAsync();
        var reply = await answer.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return reply["error"] is { } error ? throw new InvalidOperationException($"twin op {op} failed: {error}") : reply["result"];
    }

    /// <summary>Asks <paramref name="op"/> until its result satisfies <paramref name="condition"/> or the deadline passes.</summary>
    public async Task<JsonNode> WaitForAsync(string op, Func<JsonNode?, bool> condition, string what, JsonObject? args = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var result = await CallAsync(op, (JsonObject?)args?.DeepClone());
            if (condition(result))
            {
                return result!;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"Timed out waiting for {what}; the twin's last {op}: {result?.ToJsonString() ?? "null"}\ntwin stderr:\n{StandardError}{Context()}");
            }

            await Task.Delay(50); // a poll interval, not a synchronisation: the condition above decides
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(grace.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
        {
            // It did not stop by itself (or never started): end it and anything it spawned.
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        JsonObject? message;
        try
        {
            message = string.IsNullOrWhiteSpace(line) ? null : JsonNode.Parse(line) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            message = null; // something in the twin printed to stdout; only the driver's JSON lines matter
        }

        if (message is null)
        {
            return;
        }

        if (message["event"]?.GetValue<string>() == "started")
        {
            _started.TrySetResult(message);
            return;
        }

        var id = message["id"]?.GetValue<int>() ?? 0;
        TaskCompletionSource<JsonObject>? pending;
        lock (_pending)
        {
            _pending.Remove(id, out pending);
        }

        pending?.TrySetResult(message);
    }
}
