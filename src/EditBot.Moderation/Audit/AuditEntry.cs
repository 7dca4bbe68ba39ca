using System.Globalization;

namespace EditBot.Moderation;

/// <summary>
/// One line of a server's audit trail: what happened, to which job, who asked, where, what they asked for, what it
/// was estimated to cost, and who decided (reviewer) or why (reason, rule, failure). <see cref="JobId"/> is null
/// for requests refused at intake, before a job existed.
/// </summary>
public sealed record AuditEntry(
    AuditEventKind Kind,
    Guid? JobId,
    ulong UserId,
    ulong ChannelId,
    string Prompt,
    decimal? CostUsd,
    DateTimeOffset At,
    ulong? ActorId = null,
    string? Detail = null)
{
    public const int MaxContentLength = 2000;

    /// <summary>One message line within Discord's 2,000 characters; the prompt is shortened with an ellipsis to fit.</summary>
    public string ToLine()
    {
        var parts = new List<string>
        {
            $"**{Kind}**",
            JobId is { } id ? $"job `{id}`" : "no job",
            $"<@{Id(UserId)}> in <#{Id(ChannelId)}>",
        };
        if (CostUsd is { } cost)
        {
            parts.Add($"est. {Money.Format(cost)}");
        }

        if (ActorId is { } actor)
        {
            parts.Add($"by <@{Id(actor)}>");
        }

        if (!string.IsNullOrWhiteSpace(Detail))
        {
            parts.Add(AuditText.Truncate(AuditText.EscapeMarkdown(Detail.Trim()), 500));
        }

        var head = string.Join(" · ", parts) + " · prompt: “";
        var room = MaxContentLength - head.Length - 1;
        return head + AuditText.Truncate(AuditText.EscapeMarkdown(AuditText.OneLine(Prompt)), room) + "”";
    }

    /// <summary>The same facts as embed fields, each within Discord's field limits.</summary>
    public IReadOnlyList<AuditField> ToEmbedFields()
    {
        var fields = new List<AuditField>
        {
            new("Event", Kind.ToString(), true),
            new("Job", JobId is { } id ? $"`{id}`" : "none (refused at intake)", true),
            new("Requester", $"<@{Id(UserId)}>", true),
            new("Channel", $"<#{Id(ChannelId)}>", true),
        };
        if (CostUsd is { } cost)
        {
            fields.Add(new("Estimated cost", Money.Format(cost), true));
        }

        if (ActorId is { } actor)
        {
            fields.Add(new("By", $"<@{Id(actor)}>", true));
        }

        if (!string.IsNullOrWhiteSpace(Detail))
        {
            fields.Add(new("Detail", AuditText.Truncate(AuditText.EscapeMarkdown(Detail.Trim()), 1024), false));
        }

        fields.Add(new("Prompt", AuditText.Truncate(AuditText.EscapeMarkdown(Prompt), 1024), false));
        return fields;
    }

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
