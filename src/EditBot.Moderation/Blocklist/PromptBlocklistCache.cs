using System.Runtime.CompilerServices;

namespace EditBot.Moderation;

/// <summary>
/// Compiled blocklists keyed by the settings' entry list. Settings are immutable records, so a list instance
/// stands for one version of the blocklist; a change makes a new list and the old compilation is collected with it.
/// </summary>
public sealed class PromptBlocklistCache(TimeSpan matchTimeout)
{
    private readonly ConditionalWeakTable<IReadOnlyList<BlocklistEntry>, PromptBlocklist> compiled = new();

    public PromptBlocklist For(GuildSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Blocklist.Count == 0
            ? PromptBlocklist.Empty
            : compiled.GetValue(settings.Blocklist, entries => PromptBlocklist.Compile(entries, matchTimeout));
    }
}
