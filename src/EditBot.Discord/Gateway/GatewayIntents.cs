namespace EditBot.Discord.Gateway;

/// <summary>The gateway intents the bot asks for. INTERACTION_CREATE needs none.</summary>
[Flags]
public enum GatewayIntents
{
    None = 0,
    Guilds = 1 << 0,
    GuildMessages = 1 << 9,
    DirectMessages = 1 << 12,

    /// <summary>Privileged: must be enabled in the Developer Portal, or the gateway closes with 4014.</summary>
    MessageContent = 1 << 15,
}
