using EditBot.Bot.Entry;
using EditBot.Discord.Events;
using EditBot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Bot.Events;

/// <summary>
/// Reads every inbound Discord event (gateway or HTTP) and handles each concurrently, with a bound: READY teaches the
/// bot its ids, INTERACTION_CREATE goes to the interaction router, MESSAGE_CREATE to the mention handler.
/// </summary>
public sealed partial class DiscordEventPump(
    DiscordEventChannel events,
    BotIdentity identity,
    DiscordApplicationIdCache applicationId,
    InteractionRouter interactions,
    MentionHandler mentions,
    IOptions<BotExperienceOptions> options,
    ILogger<DiscordEventPump> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(options.Value.MaxConcurrentEvents);
        var running = new HashSet<Task>();
        try
        {
            await foreach (var discordEvent in events.Reader.ReadAllAsync(stoppingToken))
            {
                if (discordEvent.Type == DiscordEventNames.Ready)
                {
                    // In order, before anything after it: mentions need the bot's id.
                    await HandleAsync(discordEvent, stoppingToken);
                    continue;
                }

                await slots.WaitAsync(stoppingToken);
                var task = Task.Run(() => HandleAsync(discordEvent, stoppingToken), CancellationToken.None);
                lock (running)
                {
                    running.Add(task);
                }

                _ = task.ContinueWith(
                    t =>
                    {
                        slots.Release();
                        lock (running)
                        {
                            running.Remove(t);
                        }
                    },
                    CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        Task[] left;
        lock (running)
        {
            left = [.. running];
        }

        await Task.WhenAll(left);
    }

    private async Task HandleAsync(DiscordEvent discordEvent, CancellationToken cancellationToken)
    {
        try
        {
            switch (DiscordEventDecoder.Decode(discordEvent))
            {
                case ReadyEvent ready:
                    if (ready.UserId is { } user)
                    {
                        identity.SetUserId(user);
                    }

                    if (ready.ApplicationId is { } app)
                    {
                        applicationId.Set(app);
                    }

                    LogReady(logger, ready.UserId, ready.ApplicationId);
                    break;
                case InteractionCreatedEvent created:
                    await interactions.RouteAsync(created.Interaction, created.Source, cancellationToken);
                    break;
                case MessageCreatedEvent message:
                    await mentions.HandleAsync(message.Message, cancellationToken);
                    break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception error)
        {
            // Handlers answer their own failures; this catches what escapes them (e.g. an unreadable payload).
            LogEventFailed(logger, error, discordEvent.Type);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord READY: bot user {UserId}, application {ApplicationId}")]
    private static partial void LogReady(ILogger logger, ulong? userId, ulong? applicationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling Discord event {EventType} failed")]
    private static partial void LogEventFailed(ILogger logger, Exception error, string eventType);
}
