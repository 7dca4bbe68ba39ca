using System.Collections.Concurrent;

namespace EditBot.Bot.DiscordStartup;

/// <summary>
/// What /healthz says about Discord while start-up calls are failing: one problem per step still retrying, and the
/// refusal that stopped the bot, if any.
/// </summary>
public sealed class DiscordAvailability
{
    private readonly ConcurrentDictionary<string, string> _retrying = new(StringComparer.Ordinal);
    private volatile string? _refusal;

    /// <summary>"discord: unreachable, retrying (step: reason)" for every step not through yet.</summary>
    public IReadOnlyList<string> Problems => [.. _retrying.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"discord: unreachable, retrying ({p.Key}: {p.Value})")];

    /// <summary>The one line telling the operator what to fix; null unless Discord refused the bot for good.</summary>
    public string? Refusal => _refusal;

    public void ReportRetrying(string step, string reason) => _retrying[step] = reason;

    public void ReportReached(string step) => _retrying.TryRemove(step, out _);

    public void ReportRefused(string message) => _refusal ??= message;
}
