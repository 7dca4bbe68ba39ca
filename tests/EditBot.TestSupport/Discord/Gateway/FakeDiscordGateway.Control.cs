using System.Diagnostics;
using System.Text.Json.Nodes;

namespace EditBot.TestSupport.Discord.Gateway;

/// <summary>What a test makes the fake gateway do, and how it waits for the client to react.</summary>
public sealed partial class FakeDiscordGateway
{
    /// <summary>
    /// Sends a dispatch as Discord routes it: to the shard of its guild, <c>(guild_id &gt;&gt; 22) % shard_count</c>, and an
    /// event without a guild (a DM) to shard 0; or only to <paramref name="shardId"/> when given. With one shard every
    /// session gets it. It is kept in each session's history, so a client that is disconnected right now gets it on
    /// RESUME.
    /// </summary>
    public Task DispatchAsync(string type, JsonNode payload, int? shardId = null)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return DispatchAsync(type, payload.ToJsonString(), shardId);
    }

    public async Task DispatchAsync(string type, string payloadJson, int? shardId = null)
    {
        List<FakeGatewaySession> targets;
        lock (_lock)
        {
            var guildId = GuildOf(payloadJson);
            targets = [.. _sessions.Values.Where(s => !s.Invalidated && (shardId is null ? s.ShardId == ShardOf(guildId, s.ShardCount) : s.ShardId == shardId))];
        }

        foreach (var session in targets)
        {
            await session.DispatchAsync(type, payloadJson);
        }
    }

    /// <summary>op 7: the client should reconnect and resume.</summary>
    public Task SendReconnectAsync() => ForEachConnectionAsync(c => c.TrySendAsync(FakeGatewayFrames.Reconnect()));

    /// <summary>op 9; with <paramref name="resumable"/> false the sessions are forgotten, as on Discord.</summary>
    public Task SendInvalidSessionAsync(bool resumable) => ForEachConnectionAsync(c =>
    {
        if (!resumable && c.Session is { } session)
        {
            session.Invalidated = true;
        }

        return c.TrySendAsync(FakeGatewayFrames.InvalidSession(resumable));
    });

    /// <summary>op 1 from the server: the client must answer with a heartbeat at once.</summary>
    public Task SendHeartbeatRequestAsync() => ForEachConnectionAsync(c => c.TrySendAsync(FakeGatewayFrames.HeartbeatRequest()));

    /// <summary>Closes every connection with <paramref name="code"/>. Codes after which Discord drops the session (4003, 4004, 4006, 4007, 4009-4014) end it here too.</summary>
    public Task CloseAsync(int code, string reason = "") => ForEachConnectionAsync(c =>
    {
        if (c.Session is { } session && code is 4003 or 4004 or 4006 or 4007 or (>= 4009 and <= 4014))
        {
            session.Invalidated = true;
        }

        return c.TryCloseAsync(code, reason);
    });

    /// <summary>Drops every TCP connection without a close frame, like a network failure. Sessions stay resumable.</summary>
    public void DropConnections()
    {
        List<FakeGatewayConnection> connections;
        lock (_lock)
        {
            connections = [.. _connections];
        }

        foreach (var connection in connections)
        {
            connection.Drop();
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds (checked on every change), or fails after the timeout (default 15 s).</summary>
    public async Task WaitUntilAsync(Func<FakeDiscordGateway, bool> condition, TimeSpan? timeout = null, string? what = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = timeout ?? TimeSpan.FromSeconds(15);
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                changed = _changed.Task;
            }

            if (condition(this))
            {
                return;
            }

            var left = limit - Stopwatch.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Fake gateway: timed out waiting for {what ?? "condition"}.");
            }

            // Re-check at least every 50 ms: some conditions (socket state) change without a signal.
            await Task.WhenAny(changed, Task.Delay(TimeSpan.FromMilliseconds(Math.Min(50, left.TotalMilliseconds))));
        }
    }

    /// <summary>Waits for the <paramref name="count"/>th IDENTIFY and returns it.</summary>
    public async Task<GatewayIdentifyRecord> WaitForIdentifyAsync(int count = 1, TimeSpan? timeout = null)
    {
        await WaitUntilAsync(g => g.Identifies.Count >= count, timeout, $"identify #{count}");
        return Identifies[count - 1];
    }

    /// <summary>Waits for the <paramref name="count"/>th RESUME and returns it.</summary>
    public async Task<GatewayResumeRecord> WaitForResumeAsync(int count = 1, TimeSpan? timeout = null)
    {
        await WaitUntilAsync(g => g.Resumes.Count >= count, timeout, $"resume #{count}");
        return Resumes[count - 1];
    }

    /// <summary>Waits until <paramref name="count"/> connections have a live session (READY or RESUMED sent).</summary>
    public Task WaitForLiveSessionsAsync(int count = 1, TimeSpan? timeout = null) =>
        WaitUntilAsync(g => g.LiveSessionCount >= count, timeout, $"{count} live session(s)");

    private async Task ForEachConnectionAsync(Func<FakeGatewayConnection, Task> action)
    {
        List<FakeGatewayConnection> connections;
        lock (_lock)
        {
            connections = [.. _connections];
        }

        foreach (var connection in connections)
        {
            await action(connection);
        }
    }

    private static int ShardOf(ulong? guildId, int shardCount) =>
        guildId is { } id && shardCount > 1 ? (int)((id >> 22) % (ulong)shardCount) : 0;

    private static ulong? GuildOf(string payloadJson) =>
        JsonNode.Parse(payloadJson) is JsonObject o && o["guild_id"] is JsonValue value && value.TryGetValue<string>(out var id)
        && ulong.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var guild)
            ? guild
            : null;
}
