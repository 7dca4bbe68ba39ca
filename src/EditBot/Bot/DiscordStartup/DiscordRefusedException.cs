namespace EditBot.Bot.DiscordStartup;

/// <summary>Discord refused the bot in a way retrying cannot fix; the message says what to change.</summary>
public sealed class DiscordRefusedException : Exception
{
    public DiscordRefusedException()
    {
    }

    public DiscordRefusedException(string message)
        : base(message)
    {
    }

    public DiscordRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
