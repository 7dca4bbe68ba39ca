namespace EditBot.Discord.Gateway;

/// <summary>The intents the bot identifies with: guilds, guild and DM messages, and Message Content only when configured.</summary>
public static class GatewayIntentSelection
{
    public static GatewayIntents For(DiscordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var intents = GatewayIntents.Guilds | GatewayIntents.GuildMessages | GatewayIntents.DirectMessages;
        return options.MessageContentIntent ? intents | GatewayIntents.MessageContent : intents;
    }
}
