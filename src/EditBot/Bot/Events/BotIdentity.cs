namespace EditBot.Bot.Events;

/// <summary>The bot's own user id, learnt from READY (the gateway); needed to recognise mentions. Null until then.</summary>
public sealed class BotIdentity
{
    private long _userId;

    public ulong? UserId => Interlocked.Read(ref _userId) is var id and not 0 ? (ulong)id : null;

    public void SetUserId(ulong userId) => Interlocked.Exchange(ref _userId, (long)userId);
}
