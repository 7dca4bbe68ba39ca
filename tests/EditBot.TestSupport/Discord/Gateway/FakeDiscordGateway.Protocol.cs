using System.Text.Json.Nodes;

namespace EditBot.TestSupport.Discord.Gateway;

/// <summary>What the fake does with IDENTIFY, RESUME, heartbeats and client closes.</summary>
public sealed partial class FakeDiscordGateway
{
    private const int MessageContentIntent = 1 << 15;

    internal async Task<FakeGatewaySession?> IdentifyAsync(FakeGatewayConnection connection, JsonObject data)
    {
        var token = (string?)data["token"] ?? string.Empty;
        var intents = (int?)data["intents"] ?? 0;
        var shard = data["shard"]?.AsArray().Select(n => (int)n!).ToArray();
        var properties = data["properties"];
        lock (_lock)
        {
            _identifies.Add(new GatewayIdentifyRecord(
                token, intents, shard, (string?)properties?["os"], (string?)properties?["browser"], (string?)properties?["device"], data.ToJsonString()));
        }

        Signal();
        if (!await AuthenticateAsync(connection, token))
        {
            return null;
        }

        if ((intents & MessageContentIntent) != 0 && !MessageContentIntentAllowed)
        {
            await connection.TryCloseAsync(4014, "Disallowed intent(s).");
            return null;
        }

        var shardPair = shard ?? [0, 1];
        if (!await TakeIdentifySlotAsync(connection, shardPair[0]) || !await TakeSessionStartAsync())
        {
            return null;
        }

        var session = new FakeGatewaySession($"fake-session-{Interlocked.Increment(ref _sessionCounter)}-{Guid.NewGuid():N}", shardPair[0], shardPair[1]);
        lock (_lock)
        {
            _sessions[session.Id] = session;
        }

        await session.StartAsync(connection, FakeGatewayFrames.Ready(this, session.Id, shardPair));
        Signal();
        return session;
    }

    internal async Task<FakeGatewaySession?> ResumeAsync(FakeGatewayConnection connection, JsonObject data, bool atResumeUrl)
    {
        var record = new GatewayResumeRecord(
            (string?)data["token"] ?? string.Empty, (string?)data["session_id"] ?? string.Empty, (long?)data["seq"], atResumeUrl);
        FakeGatewaySession? session;
        lock (_lock)
        {
            _resumes.Add(record);
            session = _sessions.GetValueOrDefault(record.SessionId);
        }

        Signal();
        if (!await AuthenticateAsync(connection, record.Token))
        {
            return null;
        }

        if (session is not null && !atResumeUrl)
        {
            session.Invalidated = true;
        }

        if (session is null || session.Invalidated)
        {
            await connection.TrySendAsync(FakeGatewayFrames.InvalidSession(false));
            return null;
        }

        await session.ResumeAsync(connection, record.Seq);
        Signal();
        return session;
    }

    internal void RecordHeartbeat(long? seq)
    {
        lock (_lock)
        {
            _heartbeats.Add(new GatewayHeartbeatRecord(_time.GetUtcNow(), seq));
        }

        Signal();
    }

    /// <summary>A client close with 1000/1001 ends its session, as on Discord; any other code keeps it resumable.</summary>
    internal void RecordClientClose(int? code, FakeGatewaySession? session)
    {
        lock (_lock)
        {
            _clientCloses.Add(code);
            if (session is not null && code is 1000 or 1001)
            {
                session.Invalidated = true;
            }
        }

        Signal();
    }
}
