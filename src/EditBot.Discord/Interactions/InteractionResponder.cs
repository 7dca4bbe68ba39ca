using EditBot.Discord.Events;
using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace EditBot.Discord.Interactions;

/// <summary>
/// Answers one interaction. The first response goes into the pending HTTP reply when the interaction came over the
/// interactions endpoint, else to the callback route; everything after uses the interaction webhook, which lives for
/// 15 minutes. Create one per interaction with <see cref="InteractionResponderFactory"/>.
/// </summary>
public sealed partial class InteractionResponder
{
    private readonly DiscordRestClient _rest;
    private readonly HttpInteractionReply? _httpReply;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private int _responded;

    // A follow-up standing in for @original when the endpoint's deferral left no fitting original (see AfterDeferral).
    private Message? _originalStandIn;

    internal InteractionResponder(DiscordRestClient rest, ulong interactionId, string token, HttpInteractionReply? httpReply, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        _rest = rest;
        InteractionId = interactionId;
        Token = token;
        _httpReply = httpReply;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public ulong InteractionId { get; }

    /// <summary>The interaction token (secret; valid 15 minutes). Never log it.</summary>
    public string Token { get; }

    /// <summary>True once the first response (defer, message, modal, update) was sent.</summary>
    public bool HasResponded => Volatile.Read(ref _responded) == 1;

    /// <summary>"Thinking…": the answer comes later with <see cref="EditOriginalAsync"/>.</summary>
    public Task DeferAsync(bool ephemeral = false, CancellationToken cancellationToken = default) =>
        CallbackAsync(
            new InteractionResponse
            {
                Type = InteractionCallbackType.DeferredChannelMessage,
                Data = ephemeral ? new InteractionCallbackData { Flags = MessageFlags.Ephemeral } : null,
            },
            null, false, cancellationToken);

    /// <summary>For components: acknowledge now, edit the component's message later.</summary>
    public Task DeferUpdateAsync(CancellationToken cancellationToken = default) =>
        CallbackAsync(new InteractionResponse { Type = InteractionCallbackType.DeferredUpdateMessage }, null, false, cancellationToken);

    /// <summary>Answers with a message.</summary>
    /// <param name="withResponse">Return the created message (e.g. to start a thread on it); else null.</param>
    public async Task<Message?> RespondAsync(
        MessageBody message,
        bool ephemeral = false,
        IReadOnlyList<DiscordFile>? files = null,
        bool withResponse = false,
        CancellationToken cancellationToken = default)
    {
        var result = await CallbackAsync(
            new InteractionResponse { Type = InteractionCallbackType.ChannelMessage, Data = ToCallbackData(message, ephemeral) },
            files, withResponse, cancellationToken);
        return result?.Resource?.Message;
    }

    /// <summary>Opens a modal (not allowed in answer to a modal submit).</summary>
    public Task RespondWithModalAsync(string customId, string title, IReadOnlyList<MessageComponent> components, CancellationToken cancellationToken = default) =>
        CallbackAsync(
            new InteractionResponse
            {
                Type = InteractionCallbackType.Modal,
                Data = new InteractionCallbackData { CustomId = customId, Title = title, Components = components },
            },
            null, false, cancellationToken);

    /// <summary>For components: replaces the component's message.</summary>
    public Task UpdateMessageAsync(MessageBody message, IReadOnlyList<DiscordFile>? files = null, CancellationToken cancellationToken = default) =>
        CallbackAsync(
            new InteractionResponse { Type = InteractionCallbackType.UpdateMessage, Data = ToCallbackData(message, false) },
            files, false, cancellationToken);

    /// <summary>For autocomplete interactions.</summary>
    public Task AutocompleteAsync(IReadOnlyList<CommandOptionChoice> choices, CancellationToken cancellationToken = default) =>
        CallbackAsync(
            new InteractionResponse { Type = InteractionCallbackType.AutocompleteResult, Data = new InteractionCallbackData { Choices = choices } },
            null, false, cancellationToken);

    /// <summary>The answer's message: @original, or the follow-up standing in for it after a late first answer.</summary>
    public Task<Message> GetOriginalAsync(CancellationToken cancellationToken = default) =>
        Volatile.Read(ref _originalStandIn) is { } standIn ? Task.FromResult(standIn) : _rest.GetOriginalResponseAsync(Token, cancellationToken);

    /// <summary>
    /// The original response, waiting for Discord to create it: over the HTTP transport the message exists only once
    /// the endpoint has written its reply, so the first look may miss it (10008 Unknown Message).
    /// </summary>
    public Task<Message> GetOriginalOnceCreatedAsync(CancellationToken cancellationToken = default) =>
        WhileNotYetCreatedAsync(() => GetOriginalAsync(cancellationToken), e => e.Code == DiscordErrorCodes.UnknownMessage, cancellationToken);

    public Task<Message> EditOriginalAsync(MessageBody message, IReadOnlyList<DiscordFile>? files = null, CancellationToken cancellationToken = default) =>
        Volatile.Read(ref _originalStandIn) is { } standIn
            ? _rest.EditFollowupAsync(Token, standIn.Id, message, files, cancellationToken)
            : _rest.EditOriginalResponseAsync(Token, message, files, cancellationToken);

    public Task DeleteOriginalAsync(CancellationToken cancellationToken = default) =>
        Volatile.Read(ref _originalStandIn) is { } standIn
            ? _rest.DeleteFollowupAsync(Token, standIn.Id, cancellationToken)
            : _rest.DeleteOriginalResponseAsync(Token, cancellationToken);

    public Task<Message> FollowupAsync(
        MessageBody message, bool ephemeral = false, IReadOnlyList<DiscordFile>? files = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = ephemeral ? message with { Flags = (message.Flags ?? 0) | MessageFlags.Ephemeral } : message;
        return _rest.CreateFollowupAsync(Token, body, files, cancellationToken);
    }

    public Task<Message> EditFollowupAsync(
        ulong messageId, MessageBody message, IReadOnlyList<DiscordFile>? files = null, CancellationToken cancellationToken = default) =>
        _rest.EditFollowupAsync(Token, messageId, message, files, cancellationToken);

    private static InteractionCallbackData ToCallbackData(MessageBody message, bool ephemeral)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new InteractionCallbackData
        {
            Content = message.Content,
            Embeds = message.Embeds,
            Components = message.Components,
            AllowedMentions = message.AllowedMentions,
            Attachments = message.Attachments,
            Flags = ephemeral ? (message.Flags ?? 0) | MessageFlags.Ephemeral : message.Flags,
        };
    }
}
