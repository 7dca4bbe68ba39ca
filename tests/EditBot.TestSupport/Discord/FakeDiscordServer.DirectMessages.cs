namespace EditBot.TestSupport.Discord;

/// <summary>Users who do not accept DMs from the bot (privacy settings, no shared server, or blocked it).</summary>
public sealed partial class FakeDiscordServer
{
    private readonly HashSet<ulong> _dmsClosed = [];

    /// <summary>
    /// From now on the bot can still open a DM channel with this user (Discord answers that with 200) but posting in
    /// it answers 403 50007 "Cannot send messages to this user", as Discord does.
    /// </summary>
    public void CloseDirectMessages(ulong userId)
    {
        lock (_sync)
        {
            _dmsClosed.Add(userId);
        }
    }

    /// <summary>The DM channel the bot opened with this user, if any.</summary>
    public FakeChannel? DirectMessageChannelOf(ulong userId)
    {
        lock (_sync)
        {
            return _channels.Values.FirstOrDefault(c => c.Type == 1 && c.RecipientId == userId);
        }
    }

    /// <summary>Null when the bot may post in the channel; else 403 50007 (called under the lock).</summary>
    private FakeResult? DirectMessageRefused(FakeChannel channel) =>
        channel.Type == 1 && channel.RecipientId is { } user && _dmsClosed.Contains(user)
            ? FakeResult.Error(403, 50007, "Cannot send messages to this user")
            : null;
}
