namespace EditBot.TestSupport.Discord;

/// <summary>
/// Thread archiving as on Discord: a thread archives itself after its auto_archive_duration without a message
/// (on the fake's clock), a test can archive or lock one, and a message sent to an archived thread reopens it
/// unless it is locked (the bot has no Manage Threads, so a locked thread refuses it with 403 160005).
/// </summary>
public sealed partial class FakeDiscordServer
{
    /// <summary>Archives thread <paramref name="threadId"/> now (a moderator, or Discord's inactivity timer); <paramref name="locked"/> locks it too.</summary>
    public void ArchiveThread(ulong threadId, bool locked = false)
    {
        lock (_sync)
        {
            var thread = _channels[threadId];
            thread.Archived = true;
            thread.Locked |= locked;
        }
    }

    private FakeChannel NewThread(ulong id, int type, FakeChannel parent, string name, FakeCall call) =>
        new(id, type, parent.GuildId, parent.Id, name)
        {
            AutoArchiveMinutes = call.Json?["auto_archive_duration"]?.GetValue<int>() ?? 1440,
            LastActivity = _timeProvider.GetUtcNow(),
        };

    private void ArchiveIfIdle(FakeChannel? channel)
    {
        if (channel is { IsThread: true, Archived: false }
            && _timeProvider.GetUtcNow() - channel.LastActivity >= TimeSpan.FromMinutes(channel.AutoArchiveMinutes))
        {
            channel.Archived = true;
        }
    }

    /// <summary>Refuses a post to a locked thread; reopens an archived one and counts the post as activity.</summary>
    private FakeResult? PostToThread(FakeChannel channel)
    {
        if (!channel.IsThread)
        {
            return null;
        }

        if (channel.Locked)
        {
            return FakeResult.Error(403, 160005, "Thread is locked");
        }

        channel.Archived = false;
        channel.LastActivity = _timeProvider.GetUtcNow();
        return null;
    }
}
