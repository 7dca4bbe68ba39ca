namespace EditBot.Bot.DiscordStartup;

/// <summary>
/// Backoff of the start-up calls to Discord (section <c>Discord:Retry</c>): application, gateway discovery, command
/// registration. Retries never stop on their own; only a definitive refusal (a rejected token) ends them.
/// </summary>
public sealed class DiscordRetryOptions
{
    public const string Section = "Discord:Retry";

    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);
}
