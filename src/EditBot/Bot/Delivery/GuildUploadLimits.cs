using System.Globalization;
using EditBot.Core.Storage;
using EditBot.Discord.Models;

namespace EditBot.Bot.Delivery;

/// <summary>
/// Each server's upload limit as its interactions last told it (<c>attachment_size_limit</c>: a boosted server allows
/// more than 10 MiB), kept in the key-value store (scope "discord-guild-upload-limits") so a mention's results, which
/// come with no interaction, are packaged against the same limit. A server never seen in an interaction has none, and
/// its results keep the configured default (10 MiB). Read from the store every time, never from a copy in memory: with
/// several instances, a boost that lapsed is told to one and must reach the others.
/// </summary>
public sealed class GuildUploadLimits(IKeyValueStore store)
{
    public const string Scope = "discord-guild-upload-limits";

    /// <summary>
    /// Remembers the limit of a command's server where the bot is installed; writes only when it changed. Commands only:
    /// autocomplete comes per keystroke, and buttons add nothing a server's commands do not tell often enough.
    /// </summary>
    public async Task RememberAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.Type != InteractionType.ApplicationCommand || interaction.GuildId is not { } guild || !interaction.ServerInstalled || interaction.AttachmentSizeLimit is not { } limit || limit <= 0
            || await FindAsync(guild, cancellationToken) == limit)
        {
            return;
        }

        await store.SetAsync(Scope, Key(guild), limit.ToString(CultureInfo.InvariantCulture), cancellationToken);
    }

    /// <returns>The server's last known limit, or null when no interaction from it told one.</returns>
    public async Task<long?> FindAsync(ulong? guildId, CancellationToken cancellationToken) =>
        guildId is { } guild
        && long.TryParse(await store.GetAsync(Scope, Key(guild), cancellationToken), NumberStyles.None, CultureInfo.InvariantCulture, out var stored) && stored > 0
            ? stored
            : null;

    private static string Key(ulong guildId) => guildId.ToString(CultureInfo.InvariantCulture);
}
