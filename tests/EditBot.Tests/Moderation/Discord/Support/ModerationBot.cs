using System.Text.Json.Nodes;
using EditBot.Moderation.Discord;
using EditBot.Tests.Support;
using EditBot.TestSupport.Discord.Inject;
using EditBot.TestSupport.Discord;
using EditBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace EditBot.Tests.Moderation.Discord.Support;

/// <summary>
/// The real bot (<see cref="BotHarness"/>, whose host registers the Discord experience and moderation), and helpers to
/// run slash commands and press buttons as a member or an admin.
/// </summary>
public sealed class ModerationBot(BotHarness harness) : IAsyncDisposable
{
    public static readonly ulong Guild = ulong.Parse(InteractionOrigin.DefaultGuildId);
    public static readonly ulong Channel = ulong.Parse(InteractionOrigin.DefaultChannelId);

    /// <summary>Generous: ~7 builds share 2 cores, and a busy machine must not fail a test.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public BotHarness Harness { get; } = harness;

    public FakeDiscordServer Discord => Harness.Discord;

    public static InteractionOrigin Member { get; } = InteractionOrigin.Guild;

    public static InteractionOrigin Admin { get; } = InteractionOrigin.Guild.AsAdmin() with { User = DiscordUserSpec.OtherUser };

    public static async Task<ModerationBot> StartAsync(
        Action<IServiceCollection>? services = null, bool loadModelPrice = false, IReadOnlyDictionary<string, string>? configuration = null)
    {
        var settings = new Dictionary<string, string>
        {
            // Off by default so costs follow the reference table the assertions use.
            ["Moderation:Discord:LoadModelPrice"] = loadModelPrice ? "true" : "false",
            ["Moderation:SettingsCacheDuration"] = "00:00:00",
        };
        foreach (var (key, value) in configuration ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var harness = await BotHarness.StartAsync(settings, services);
        // IDENTIFY is seen before the fake registers the session; a dispatch before that reaches nobody.
        await harness.Gateway.WaitForLiveSessionsAsync(1, Patience);
        if (harness.Discord.GetChannel(Channel) is null)
        {
            harness.Discord.AddChannel(guildId: Guild, id: Channel);
        }

        return new ModerationBot(harness);
    }

    /// <summary>A restart of the bot on the same store, waiting until the new gateway session can receive events.</summary>
    public async Task RestartAsync(IDictionary<string, string>? settings = null)
    {
        await Harness.RestartAsync(settings);
        await Harness.Gateway.WaitForLiveSessionsAsync(1, Patience);
    }

    /// <summary>Whether the host itself registers moderation (needed for restarts, which rebuild the host without test services).</summary>
    public bool HostRegistersModeration => Harness.Services.GetServices<EditBot.Bot.Commands.IBotCommandModule>().OfType<ModerationCommandModule>().Any();

    /// <summary>Runs /editbot-admin and returns its (ephemeral) answer.</summary>
    public async Task<string> AdminAsync(InteractionOrigin origin, TestSupport.Discord.Inject.CommandOption option)
    {
        var payload = InteractionPayloads.SlashCommand(AdminCommandDefinition.Name, Fresh(origin), option);
        await Harness.DispatchInteractionAsync(payload);
        return await AnswerAsync(payload);
    }

    /// <summary>Runs /edit with a fresh image and returns the interaction payload (its token finds the answers).</summary>
    /// <summary>
    /// Sends /edit and waits for its first answer; a command whose answer missed Discord's 3 s window on a loaded machine
    /// (refused by the fake with 10062, so the bot queued nothing) is sent again, as its member would.
    /// </summary>
    public Task<JsonObject> EditAsync(string prompt, InteractionOrigin? origin = null, string quality = "high", int count = 1) =>
        Harness.PressUntilAnsweredAsync(
            () => InteractionPayloads.SlashCommand("edit", Fresh(origin ?? Member),
                TestSupport.Discord.Inject.CommandOption.File("image", Harness.Image()),
                TestSupport.Discord.Inject.CommandOption.Text("prompt", prompt),
                TestSupport.Discord.Inject.CommandOption.Text("quality", quality),
                TestSupport.Discord.Inject.CommandOption.Number("count", count)),
            patience: Patience);

    /// <summary>The ephemeral refusal an /edit got (a follow-up after its deferred answer was withdrawn), or null when accepted.</summary>
    public async Task<string?> RefusalOfAsync(JsonObject payload)
    {
        var token = payload["token"]!.GetValue<string>();
        await Eventually.WaitUntilAsync(
            () => Discord.GetInteraction(token) is { } i
                && (i.FollowupMessageIds.Count > 0 || (i.OriginalMessageId is { } id && Discord.GetMessage(id) is { Deleted: false, Content.Length: > 0 })),
            "the edit to be accepted or refused", Patience);
        var interaction = Discord.GetInteraction(token)!;
        return interaction.FollowupMessageIds.Count > 0 ? Discord.GetMessage(interaction.FollowupMessageIds[0])!.Content : null;
    }

    /// <summary>Presses until Discord's 3 s window is met, as <see cref="BotHarness.PressUntilAnsweredAsync"/>.</summary>
    public Task<JsonObject> PressUntilAnsweredAsync(Func<JsonObject> press, ulong messageId) =>
        Harness.PressUntilAnsweredAsync(press, messageId, Patience);

    public async Task<JsonObject> PressAsync(string customId, FakeMessage message, InteractionOrigin origin)
    {
        var payload = InteractionPayloads.ButtonClick(customId, Discord.ToMessageJson(message), Fresh(origin));
        await Harness.DispatchInteractionAsync(payload, message.Id);
        await Eventually.WaitUntilAsync(() => Discord.GetInteraction(payload["token"]!.GetValue<string>())?.ResponseType is not null, "the button to be answered", Patience);
        return payload;
    }

    /// <summary>The text of an interaction's answer: its message, or the deferred answer once edited.</summary>
    public async Task<string> AnswerAsync(JsonObject payload)
    {
        var token = payload["token"]!.GetValue<string>();
        string? text = null;
        try
        {
            await Eventually.WaitUntilAsync(
            () =>
            {
                var interaction = Discord.GetInteraction(token);
                var message = interaction?.OriginalMessageId is { } id ? Discord.GetMessage(id) : null;
                var followup = interaction?.FollowupMessageIds.Count > 0 ? Discord.GetMessage(interaction.FollowupMessageIds[^1]) : null;
                text = followup?.Content ?? (message is { Content.Length: > 0 } ? message.Content : null);
                return text is not null;
            },
            "the interaction's answer",
            Patience);
        }
        catch (TimeoutException timeout)
        {
            // Say what the bot did send, so a failure here can be told apart from a slow machine.
            var sent = string.Join("\n", Discord.Requests.Select(r => $"{r.Status} {r.Method} {r.RouteKey ?? r.Path}"));
            throw new TimeoutException($"{timeout.Message} Requests the fake Discord received:\n{sent}", timeout);
        }

        return text!;
    }

    /// <summary>Every interaction has its own id and token, as on Discord.</summary>
    public static InteractionOrigin Fresh(InteractionOrigin origin) =>
        origin with { InteractionId = TestSnowflakes.Next(), Token = "test-interaction-token-" + Guid.NewGuid().ToString("N") };

    public ValueTask DisposeAsync() => Harness.DisposeAsync();
}
