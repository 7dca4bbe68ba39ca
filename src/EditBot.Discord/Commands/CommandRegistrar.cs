using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Discord.Commands;

/// <summary>
/// Registers the bot's commands with one bulk overwrite, globally or to <c>Discord:CommandGuildId</c>, and only
/// when they differ from what Discord already has: an unchanged restart sends nothing and keeps command ids stable.
/// </summary>
public sealed class CommandRegistrar(DiscordRestClient rest, IOptions<DiscordOptions> options, ILogger<CommandRegistrar> logger)
{
    /// <returns>True when the commands were overwritten, false when they were already up to date.</returns>
    public async Task<bool> RegisterAsync(IReadOnlyList<ApplicationCommand> definitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var guildId = options.Value.CommandGuildId;
        var scope = guildId is null ? "global" : "guild";
        var current = await rest.GetCommandsAsync(guildId, cancellationToken);
        if (CommandDefinitionComparer.AreEquivalent(current, definitions))
        {
            logger.LogInformation("Discord commands ({Scope} {GuildId}) are up to date: {Count} commands, nothing sent", scope, guildId, current.Count);
            return false;
        }

        var registered = await rest.OverwriteCommandsAsync(guildId, definitions, cancellationToken);
        logger.LogInformation(
            "Registered {Count} Discord commands ({Scope} {GuildId}): {Names} (had {Previous})",
            registered.Count, scope, guildId, string.Join(", ", registered.Select(c => c.Name)), current.Count);
        return true;
    }
}
