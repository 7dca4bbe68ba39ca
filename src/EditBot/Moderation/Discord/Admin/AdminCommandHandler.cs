using EditBot.Discord.Interactions;
using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace EditBot.Moderation.Discord;

/// <summary>
/// Runs /editbot-admin. The permission is checked again on every use (server admins can change who sees the command
/// in Integrations); answers are ephemeral: the resulting settings, or the reason nothing was saved.
/// </summary>
public sealed partial class AdminCommandHandler(
    GuildSettingsStore settingsStore, UsageReportBuilder usage, TimeProvider time, ILogger<AdminCommandHandler> logger)
{
    public const string NotAllowed = "You need the **Manage Server** permission to change EditBot's settings.";
    public const string GuildOnly = "EditBot's settings belong to a server: use this command in one.";

    public async Task HandleAsync(Interaction interaction, InteractionResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(responder);
        if (interaction.GuildId is not { } guildId || interaction.Data is not { } data)
        {
            await responder.RespondAsync(Text(GuildOnly), ephemeral: true, cancellationToken: cancellationToken);
            return;
        }

        if (!DiscordPermissions.IsServerAdmin(interaction.Member?.Permissions))
        {
            await responder.RespondAsync(Text(NotAllowed), ephemeral: true, cancellationToken: cancellationToken);
            return;
        }

        var actorId = interaction.Invoker?.Id ?? 0;
        var action = AdminCommandParser.Parse(data, actorId, time.GetUtcNow());
        await responder.DeferAsync(ephemeral: true, cancellationToken);
        string answer;
        IReadOnlyList<DiscordFile>? files = null;
        try
        {
            if (action.Kind == AdminActionKind.ShowUsage)
            {
                var report = await usage.BuildAsync(guildId, action.UsageDays, action.UsageUserId, cancellationToken);
                answer = report.ToText();
                files = Chart(report, guildId);
            }
            else
            {
                answer = await RunAsync(guildId, actorId, action, cancellationToken);
            }
        }
        catch (InvalidDataException unreadable)
        {
            // A hand-edited or damaged document: say so, and how to start over, instead of a generic apology.
            LogUnreadable(logger, unreadable, guildId);
            answer = $"This server's stored settings cannot be read ({unreadable.Message}). `/{AdminCommandDefinition.Name} reset confirm:True` starts over.";
        }

        var body = files is null ? Text(answer) : Text(answer) with { Embeds = [UsageChartFile.Embed] };
        await responder.EditOriginalAsync(body, files, cancellationToken);
    }

    /// <summary>The usage chart, or none when it cannot be drawn (the numbers still go out).</summary>
    private IReadOnlyList<DiscordFile>? Chart(UsageReport report, ulong guildId)
    {
        try
        {
            return [UsageChartFile.Render(report)];
        }
        catch (InvalidOperationException error)
        {
            LogNoChart(logger, error, guildId);
            return null;
        }
    }

    /// <summary>Carries out the action and returns the admin's answer.</summary>
    public async Task<string> RunAsync(ulong guildId, ulong actorId, AdminAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        switch (action.Kind)
        {
            case AdminActionKind.ShowSettings:
                return "**EditBot settings**\n" + GuildSettingsText.Describe(await settingsStore.GetAsync(guildId, cancellationToken));
            case AdminActionKind.ShowBlocklist:
                return GuildSettingsText.DescribeBlocklist(await settingsStore.GetAsync(guildId, cancellationToken));
            case AdminActionKind.ShowUsage:
                var report = await usage.BuildAsync(guildId, action.UsageDays, action.UsageUserId, cancellationToken);
                return report.ToText();
            case AdminActionKind.ResetSettings:
                await settingsStore.ResetAsync(guildId, cancellationToken);
                LogChanged(logger, guildId, actorId, "reset");
                return "All settings are back to their defaults.\n" + GuildSettingsText.Describe(GuildSettings.Default);
            case AdminActionKind.ChangeSettings:
                return await ChangeAsync(guildId, actorId, action, cancellationToken);
            default:
                return action.Message ?? "Nothing was changed.";
        }
    }

    private async Task<string> ChangeAsync(ulong guildId, ulong actorId, AdminAction action, CancellationToken cancellationToken)
    {
        string? refused = null;
        var update = await settingsStore.UpdateAsync(
            guildId,
            current =>
            {
                var changed = action.Change!(current);
                refused = changed.Saved ? null : changed.Problem;
                return changed.Saved ? changed.Settings : current;
            },
            cancellationToken);
        var problem = refused ?? update.Problem;
        if (problem is not null)
        {
            return $"Not saved: {problem}";
        }

        LogChanged(logger, guildId, actorId, action.Message ?? "change");
        return $"Saved. {action.Message}\n\n{GuildSettingsText.Describe(update.Settings)}";
    }

    private static MessageBody Text(string content) =>
        new() { Content = AuditText.Truncate(content, AuditEntry.MaxContentLength), AllowedMentions = AllowedMentions.None };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Guild {GuildId} settings cannot be read")]
    private static partial void LogUnreadable(ILogger logger, Exception error, ulong guildId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No usage chart for guild {GuildId}; the numbers were sent alone")]
    private static partial void LogNoChart(ILogger logger, Exception error, ulong guildId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Guild {GuildId} settings changed by user {UserId}: {Change}")]
    private static partial void LogChanged(ILogger logger, ulong guildId, ulong userId, string change);
}
