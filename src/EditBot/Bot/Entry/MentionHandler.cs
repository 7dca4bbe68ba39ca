using EditBot.Bot.Delivery;
using EditBot.Bot.Events;
using EditBot.Bot.Intake;
using EditBot.Discord;
using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using EditBot.Origin;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Bot.Entry;

/// <summary>
/// "@EditBot make it night" in a reply to an image (or with an image attached, or replying to one of our results):
/// the bot replies with a progress message and threads the results on the mentioning message.
/// </summary>
public sealed partial class MentionHandler(
    BotIdentity identity,
    MentionImageFinder images,
    ResultMessages resultMessages,
    EditIntake intake,
    DiscordRestClient rest,
    GuildUploadLimits uploadLimits,
    IOptions<DiscordOptions> discordOptions,
    ILogger<MentionHandler> logger)
{
    public async Task HandleAsync(Message message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Author is not { } author || author.Bot == true || message.WebhookId is not null || identity.UserId is not { } botId)
        {
            return;
        }

        var mentioned = MentionParser.TryExtractPrompt(message.Content, botId, out var prompt);
        if (!mentioned)
        {
            // A reply to one of our results pings us without "<@id>" in the text, and in DMs every message is for us:
            // the whole text is the prompt.
            var repliesToResult = message.Mentions?.Any(u => u.Id == botId) == true && message.MessageReference?.MessageId is { } replied
                && await resultMessages.FindAsync(replied, cancellationToken) is not null;
            if (!repliesToResult && message.GuildId is not null)
            {
                return;
            }

            prompt = (message.Content ?? "").Trim();
        }

        try
        {
            await HandleMentionAsync(message, author.Id, prompt, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogMentionFailed(logger, error, message.Id);
            await ReplyAsync(message, "Sorry, something went wrong on my side while starting that edit. Please try again in a moment.", cancellationToken);
        }
    }

    private async Task HandleMentionAsync(Message message, ulong userId, string prompt, CancellationToken cancellationToken)
    {
        var source = await images.FindAsync(message, cancellationToken);
        if (source is null)
        {
            await ReplyAsync(message, Guidance(message.MessageReference is not null), cancellationToken);
            return;
        }

        var channel = await TryGetChannelAsync(message.ChannelId, cancellationToken);
        var origin = new DiscordOrigin
        {
            Entry = EntryKind.Mention,
            UserId = userId,
            GuildId = message.GuildId,
            ChannelId = message.ChannelId,
            ChannelType = channel?.Type ?? (message.GuildId is null ? ChannelType.DirectMessage : null),
            ParentChannelId = channel?.IsThread == true ? channel.ParentId : null,
            ChannelUnknown = channel is null && message.GuildId is not null,
            ThreadAnchorMessageId = message.Id,
            // No interaction tells a mention the server's upload limit: the last one from this server did.
            AttachmentSizeLimit = await uploadLimits.FindAsync(message.GuildId, cancellationToken),
        };
        var input = new EditInput { Image = source, Prompt = prompt };
        var requester = ((IReadOnlyList<ulong>)(message.Member?.Roles ?? []), 0UL);
        Message? progress = null;
        var outcome = await intake.SubmitAsync(input, origin, requester, async (accepted, ct) =>
        {
            progress = await rest.CreateMessageAsync(message.ChannelId, new MessageBody { Content = "🕒 Queued", MessageReference = Reference(message) }, null, ct);
            return accepted with { ProgressMessageId = progress.Id };
        }, null, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            // A refusal after the progress message was posted (the reservation ended meanwhile) replaces "Queued".
            await (progress is null ? ReplyAsync(message, refusal, cancellationToken) : ReviseAsync(progress, refusal, cancellationToken));
        }
    }

    private async Task ReviseAsync(Message progress, string text, CancellationToken cancellationToken)
    {
        try
        {
            await rest.EditMessageAsync(progress.ChannelId, progress.Id, new MessageBody { Content = text }, null, cancellationToken);
        }
        catch (DiscordApiException e)
        {
            LogReplyFailed(logger, progress.Id, (int)e.StatusCode, e.Code);
        }
    }

    private string Guidance(bool isReply)
    {
        var intentHint = discordOptions.Value.MessageContentIntent
            ? ""
            : "\n- or ask a server admin to enable `Discord:MessageContentIntent` (and the Message Content intent in the Developer Portal)";
        var start = isReply
            ? "I can't see the image in the message you replied to. Try one of these:"
            : "Reply to a message with an image and mention me with what to change, for example `@EditBot make the sky purple`. Or:";
        return $"{start}\n- attach the image to your message and mention me again\n- use **Apps → Edit image** on the image's message{intentHint}";
    }

    private async Task<Channel?> TryGetChannelAsync(ulong channelId, CancellationToken cancellationToken)
    {
        try
        {
            return await rest.GetChannelAsync(channelId, cancellationToken);
        }
        catch (DiscordApiException)
        {
            return null;
        }
    }

    private async Task ReplyAsync(Message message, string text, CancellationToken cancellationToken)
    {
        try
        {
            await rest.CreateMessageAsync(message.ChannelId, new MessageBody { Content = text, MessageReference = Reference(message) }, null, cancellationToken);
        }
        catch (DiscordApiException e)
        {
            LogReplyFailed(logger, message.Id, (int)e.StatusCode, e.Code);
        }
    }

    private static MessageReference Reference(Message message) =>
        new() { MessageId = message.Id, ChannelId = message.ChannelId, GuildId = message.GuildId, FailIfNotExists = false };

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling the mention in message {MessageId} failed")]
    private static partial void LogMentionFailed(ILogger logger, Exception error, ulong messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reply to message {MessageId} ({Status}, code {Code})")]
    private static partial void LogReplyFailed(ILogger logger, ulong messageId, int status, int code);
}
