using System.Net;
using System.Text.Json;
using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Discord.Commands;

/// <summary>
/// Registers the bot's commands with one bulk overwrite, globally or to <c>Discord:CommandGuildId</c>, and only
/// when they differ from what Discord already has: an unchanged restart sends nothing and keeps command ids stable.
/// Where the current commands cannot be listed (Discord-compatible servers may lack that route), it overwrites anyway:
/// the bulk overwrite is idempotent, so the only cost is a request that may have been unnecessary.
/// </summary>
public sealed class CommandRegistrar(DiscordRestClient rest, IOptions<DiscordOptions> options, ILogger<CommandRegistrar> logger)
{
    /// <returns>True when the commands were overwritten, false when they were already up to date.</returns>
    public async Task<bool> RegisterAsync(IReadOnlyList<ApplicationCommand> definitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var guildId = options.Value.CommandGuildId;
        var scope = guildId is null ? "global" : "guild";
        var current = await TryListAsync(guildId, scope, cancellationToken);
        if (current is not null && CommandDefinitionComparer.AreEquivalent(current, definitions))
        {
            logger.LogInformation("Discord commands ({Scope} {GuildId}) are up to date: {Count} commands, nothing sent", scope, guildId, current.Count);
            return false;
        }

        var registered = await rest.OverwriteCommandsAsync(guildId, definitions, cancellationToken);
        logger.LogInformation(
            "Registered {Count} Discord commands ({Scope} {GuildId}): {Names} (had {Previous})",
            registered.Count, scope, guildId, string.Join(", ", registered.Select(c => c.Name)), current?.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown");
        return true;
    }

    /// <returns>The registered commands, or null when the server would not list them.</returns>
    private async Task<IReadOnlyList<ApplicationCommand>?> TryListAsync(ulong? guildId, string scope, CancellationToken cancellationToken)
    {
        try
        {
            return await rest.GetCommandsAsync(guildId, cancellationToken);
        }
        catch (DiscordApiException error) when (error.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
        {
            // 401/403 are left to fail: the overwrite would be refused the same way, and each refusal counts towards
            // Discord's invalid-request ban. Anything else (404/405 from a server without the route, a 5xx) is the list's own problem.
            logger.LogWarning("Discord could not list the {Scope} commands ({Reason}); overwriting them all instead", scope, error.Message);
            return null;
        }
        catch (JsonException error)
        {
            logger.LogWarning("Discord could not list the {Scope} commands (the answer was not a command list: {Reason}); overwriting them all instead", scope, error.Message);
            return null;
        }
    }
}
