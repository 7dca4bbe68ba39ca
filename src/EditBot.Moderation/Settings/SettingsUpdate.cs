namespace EditBot.Moderation;

/// <summary>The outcome of a settings change: saved, or refused with a message for the admin (nothing was written).</summary>
public sealed record SettingsUpdate(bool Saved, GuildSettings Settings, string? Problem)
{
    public static SettingsUpdate Refused(GuildSettings current, string problem) => new(false, current, problem);
}
