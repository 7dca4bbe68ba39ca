using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using EditBot.Origin;
using Microsoft.Extensions.Options;

namespace EditBot.Bot.Progress;

/// <summary>
/// Edits a job's progress message: through the interaction token while it lives, then through the bot's channel
/// routes (the token dies after 15 minutes). Ephemeral progress can only be edited through the token.
/// </summary>
public sealed class ProgressMessages(DiscordRestClient rest, TimeProvider timeProvider, IOptions<BotExperienceOptions> options)
{
    public bool TokenAlive(DiscordOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return origin.InteractionToken is not null && origin.TokenIssuedAt is { } issued
            && timeProvider.GetUtcNow() - issued < options.Value.InteractionTokenLifetime;
    }

    /// <returns>False when the message can no longer be edited (ephemeral after the token died, or none was posted).</returns>
    public async Task<bool> EditAsync(DiscordOrigin origin, MessageBody body, IReadOnlyList<DiscordFile>? files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (origin.ProgressIsOriginalResponse && TokenAlive(origin))
        {
            try
            {
                await rest.EditOriginalResponseAsync(origin.InteractionToken!, body, files, cancellationToken);
                return true;
            }
            catch (DiscordApiException e) when (IsDeadToken(e) && !origin.Private && !origin.InteractionOnly)
            {
                // The token expired early: the channel route below still works for public messages.
            }
        }

        // Where the bot can't post (a user install), the channel route would only be refused.
        if (origin.Private || origin.InteractionOnly || origin.ProgressMessageId is not { } messageId)
        {
            return false;
        }

        await rest.EditMessageAsync(origin.ChannelId, messageId, body, files, cancellationToken);
        return true;
    }

    public static bool IsDeadToken(DiscordApiException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Code is DiscordErrorCodes.InvalidWebhookToken or DiscordErrorCodes.UnknownWebhook or DiscordErrorCodes.UnknownInteraction
            || error.StatusCode == System.Net.HttpStatusCode.Unauthorized;
    }
}
