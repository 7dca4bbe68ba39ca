using System.Collections.Concurrent;
using System.Globalization;
using EditBot.Core.Storage;
using EditBot.Discord.Models;

namespace EditBot.Bot.Delivery;

/// <summary>
/// Each server's upload limit as its interactions last told it (<c>attachment_size_limit</c>: a boosted server allows
/// more than 10 MiB), kept in the key-value store (scope "discord-guild-upload-limits") so a mention's results, which
/// come with no interaction, are packaged against the same limit. A server never seen in an interaction has none, and
/// its results keep the configured default (10 MiB).
/// </summary>
public sealed class GuildUploadLimits(IKeyValueStore store)
{
    public const string Scope = "discord-guild-upload-limits";
    private readonly ConcurrentDictionary<ulong, long> _known = new();

    /// <summary>Remembers the limit of an interaction's server where the bot is installed; writes only when it changed.</summary>
    public async Task RememberAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.GuildId is not { } guild || !interaction.ServerInstalled || interaction.AttachmentSizeLimit is not { } limit || limit <= 0
            || (_known.TryGetValue(guild, out var known) && known == limit))
        {
            return;
        }

        await store.SetAsync(Scope, Key(guild), limit.ToString(CultureInfo.InvariantCulture), cancellationToken);
        _known[guild] = limit;
    }

    /// <returns>The server's last known limit, or null when no interaction from it told one.</returns>
    public async Task<long?> FindAsync(ulong? guildId, CancellationToken cancellationToken)
    {
        if (guildId is not { } guild)
        {
            return null;
        }

        if (_known.TryGetValue(guild, out var known))
        {
            return known;
        }

        if (long.TryParse(await store.GetAsync(Scope, Key(guild), cancellationToken), NumberStyles.None, CultureInfo.InvariantCulture, out var stored) && stored > 0)
        {
            _known[guild] = stored;
            return stored;
        }

        return null;
    }

    private static string Key(ulong guildId) => guildId.ToString(CultureInfo.InvariantCulture);
}
