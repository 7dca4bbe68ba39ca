using System.ComponentModel.DataAnnotations;

namespace EditBot.Bot;

/// <summary>The <c>Bot</c> section: how the Discord experience behaves (limits, pacing, token lifetime).</summary>
public sealed class BotExperienceOptions
{
    public const string Section = "Bot";

    /// <summary>Jobs one person may have past the queue at once (Preparing … Delivering).</summary>
    [Range(1, 100)]
    public int MaxRunningPerUser { get; set; } = 2;

    /// <summary>Jobs one person may have waiting (Queued or awaiting review).</summary>
    [Range(1, 1000)]
    public int MaxQueuedPerUser { get; set; } = 5;

    /// <summary>Longest prompt accepted (the model's limit is 4000 characters).</summary>
    [Range(1, 4000)]
    public int MaxPromptLength { get; set; } = 4000;

    /// <summary>At most one progress edit per job in this interval; changes in between are coalesced.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ProgressEditInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long an interaction token is trusted. Discord's tokens live 15 minutes; a margin keeps a slow request from
    /// racing the expiry. After this, progress and results go through the bot's own channel messages.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:15:00")]
    public TimeSpan InteractionTokenLifetime { get; set; } = TimeSpan.FromMinutes(14);

    /// <summary>How long the target of Apps → Edit image waits for its modal submit; a later submit is refused.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan PendingTargetLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long a reservation (a request counted against the limits while its progress message is posted) may stay
    /// unqueued before it is given up: its process stopped in between. Checked every minute.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan ReservationLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Minutes before an idle results thread is archived: 60, 1440, 4320 or 10080.</summary>
    [AllowedValues(60, 1440, 4320, 10080)]
    public int ThreadAutoArchiveMinutes { get; set; } = 1440;

    /// <summary>Inbound Discord events handled at the same time.</summary>
    [Range(1, 4096)]
    public int MaxConcurrentEvents { get; set; } = 64;

    /// <summary>Quality used when /edit does not name one.</summary>
    [AllowedValues("low", "medium", "high", "auto")]
    public string DefaultQuality { get; set; } = "auto";

    /// <summary>Register the commands and log the invite URL at start-up.</summary>
    public bool RegisterCommands { get; set; } = true;

    /// <summary>
    /// How results are laid out: <see cref="ResultCardStyle.ComponentsV2"/> posts one card per message (the images in a
    /// gallery, the prompt and settings, the buttons); <see cref="ResultCardStyle.Classic"/> posts files with buttons
    /// under them. Where Discord refuses a V2 message, the bot posts that job's results the classic way.
    /// </summary>
    public ResultCardStyle ResultCards { get; set; } = ResultCardStyle.ComponentsV2;
}
