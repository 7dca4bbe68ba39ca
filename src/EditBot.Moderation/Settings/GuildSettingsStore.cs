using System.Collections.Concurrent;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using Microsoft.Extensions.Options;

namespace EditBot.Moderation;

/// <summary>
/// Per-server settings over <see cref="IKeyValueStore"/>, served from memory. A change is written through at once
/// and replaces the cached copy, so it takes effect on this process's next check; other instances see it within
/// <see cref="ModerationOptions.SettingsCacheDuration"/>. Changes to one server are serialized within the process and
/// compare-and-set across instances.
/// </summary>
public sealed class GuildSettingsStore(IKeyValueStore store, TimeProvider time, IOptions<ModerationOptions> options)
{
    /// <summary>Saves tried before giving up when other instances keep saving the same server's settings in between.</summary>
    private const int MaxSaveAttempts = 8;

    private readonly ConcurrentDictionary<ulong, CachedSettings> cache = new();
    private readonly ConcurrentDictionary<ulong, SemaphoreSlim> writeLocks = new();

    public async Task<GuildSettings> GetAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        cache.TryGetValue(guildId, out var cached);
        if (cached is not null && now - cached.LoadedAt < options.Value.SettingsCacheDuration)
        {
            return cached.Settings;
        }

        var json = await ReadJsonAsync(guildId, cancellationToken);
        // An unchanged document keeps its instance, so the compiled blocklist keyed on it is reused, not rebuilt.
        var settings = cached is not null && cached.Json == json ? cached.Settings : Parse(json);
        cache[guildId] = new CachedSettings(settings, json, now);
        return settings;
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the stored settings (read fresh, not from the cache), validates the
    /// result, and saves it with a compare-and-set on the document it read: when another instance saved in between,
    /// the change is applied again to what that instance saved, so neither change is lost. A refused change writes
    /// nothing and says why.
    /// </summary>
    public async Task<SettingsUpdate> UpdateAsync(ulong guildId, Func<GuildSettings, GuildSettings> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var gate = writeLocks.GetOrAdd(guildId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var stored = await ReadJsonAsync(guildId, cancellationToken);
                var current = Parse(stored);
                var changed = change(current) with { SchemaVersion = GuildSettings.CurrentSchemaVersion };
                var problem = GuildSettingsValidator.FindProblem(changed);
                if (problem is not null)
                {
                    return SettingsUpdate.Refused(current, problem);
                }

                var json = GuildSettingsJson.Serialize(changed);
                if (await store.CompareAndSetAsync(OriginKeys.Guild(guildId), ModerationKeys.SettingsKey, stored, json, cancellationToken))
                {
                    cache[guildId] = new CachedSettings(changed, json, time.GetUtcNow());
                    return new SettingsUpdate(true, changed, null);
                }

                if (attempt == MaxSaveAttempts)
                {
                    return SettingsUpdate.Refused(current, "The settings were being changed elsewhere at the same time; nothing was saved. Try again.");
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forgets every rule of the server (also the way out of a stored document that cannot be read).</summary>
    public async Task ResetAsync(ulong guildId, CancellationToken cancellationToken)
    {
        await store.DeleteAsync(OriginKeys.Guild(guildId), ModerationKeys.SettingsKey, cancellationToken);
        cache[guildId] = new CachedSettings(GuildSettings.Default, null, time.GetUtcNow());
    }

    private Task<string?> ReadJsonAsync(ulong guildId, CancellationToken cancellationToken) =>
        store.GetAsync(OriginKeys.Guild(guildId), ModerationKeys.SettingsKey, cancellationToken);

    private static GuildSettings Parse(string? json) => json is null ? GuildSettings.Default : GuildSettingsJson.Deserialize(json);

    private sealed record CachedSettings(GuildSettings Settings, string? Json, DateTimeOffset LoadedAt);
}
