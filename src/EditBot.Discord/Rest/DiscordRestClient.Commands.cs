using EditBot.Discord.Models;

namespace EditBot.Discord.Rest;

/// <summary>Application command registration, global or per guild.</summary>
public sealed partial class DiscordRestClient
{
    public async Task<IReadOnlyList<ApplicationCommand>> GetCommandsAsync(ulong? guildId, CancellationToken cancellationToken = default) =>
        await GetJsonAsync(await CommandsRoute(HttpMethod.Get, guildId, cancellationToken), DiscordJsonContext.Default.IReadOnlyListApplicationCommand, cancellationToken);

    /// <summary>Replaces all commands (global when <paramref name="guildId"/> is null) with these definitions.</summary>
    public async Task<IReadOnlyList<ApplicationCommand>> OverwriteCommandsAsync(
        ulong? guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken = default) =>
        await SendJsonAsync(
            await CommandsRoute(HttpMethod.Put, guildId, cancellationToken),
            commands,
            DiscordJsonContext.Default.IReadOnlyListApplicationCommand,
            DiscordJsonContext.Default.IReadOnlyListApplicationCommand,
            cancellationToken);

    private async Task<DiscordRoute> CommandsRoute(HttpMethod method, ulong? guildId, CancellationToken cancellationToken)
    {
        var applicationId = await GetApplicationIdAsync(cancellationToken);
        return guildId is { } guild
            ? DiscordRoute.Guild(
                method, "/applications/{application_id}/guilds/{guild_id}/commands", guild, $"/applications/{applicationId}/guilds/{guild}/commands")
            : DiscordRoute.Plain(method, $"/applications/{applicationId}/commands") with { Template = "/applications/{application_id}/commands" };
    }
}
