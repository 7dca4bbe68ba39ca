namespace EditBot.Moderation;

/// <summary>
/// A server's default size and quality, for the intake to use when the member named none (the intake policy sees
/// the request only after the size and quality were resolved, so it cannot apply them itself). With a maximum
/// quality but no default, the maximum is the default: "auto" counts as high and would otherwise be refused.
/// </summary>
public sealed class GuildImageDefaults(GuildSettingsStore settingsStore)
{
    /// <returns>The server's defaults; nulls when it has none or the request comes from a direct message.</returns>
    public async Task<(string? Size, string? Quality)> GetAsync(ulong? guildId, CancellationToken cancellationToken)
    {
        if (guildId is not { } id)
        {
            return (null, null);
        }

        var settings = await settingsStore.GetAsync(id, cancellationToken);
        return (settings.DefaultSize, settings.DefaultQuality ?? settings.MaxQuality);
    }
}
