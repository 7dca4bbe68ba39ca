using System.Globalization;
using System.Text;
using EditBot.Bot.Components;
using EditBot.Bot.Progress;
using EditBot.Discord.Models;
using EditBot.Moderation;
using EditBot.Origin;

namespace EditBot.Bot.History;

/// <summary>
/// The /editbot history answer: one embed listing the page's edits (prompt, when, where, outcome, cost), then classic
/// action rows: Re-roll 1–10 (two rows), Results for those with results (up to two rows), and Previous/Next. At most 5
/// rows and 10 + 10 + 2 buttons, inside Discord's 5 rows and 40 components of a message without Components V2.
/// </summary>
public sealed class HistoryMessage(JobLinks links, CostEstimator costs, TimeProvider timeProvider)
{
    public const string Empty = "You have no edits yet. Start one with `/edit`.";

    private const int MaxDescription = 4096;

    public async Task<MessageBody> RenderAsync(HistoryPage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.Jobs.Count == 0)
        {
            return new MessageBody { Content = Empty, Embeds = [], Components = [] };
        }

        var now = timeProvider.GetUtcNow();
        var text = new StringBuilder();
        var rerolls = new List<MessageComponent>();
        var results = new List<MessageComponent>();
        for (var i = 0; i < page.Jobs.Count; i++)
        {
            var job = page.Jobs[i];
            var number = i + 1;
            var link = JobOrigins.TryReadDiscord(job, out var origin) ? await links.FindAsync(job, origin, cancellationToken) : null;
            var where = link is null ? (origin?.Private == true ? " · only you saw it" : "") : $" · [{(link.Results ? "results" : "message")} ↗]({link.Url})";
            text.Append(CultureInfo.InvariantCulture, $"**{number}.** “{ProgressText.Shorten(job.Request.Prompt, 60)}” · <t:{job.CreatedAt.ToUnixTimeSeconds()}:R>{where}\n")
                .Append(CultureInfo.InvariantCulture, $"{PastEditText.Outcome(job, now)} · {PastEditText.Cost(job, costs)}\n");
            rerolls.Add(ComponentBuilder.Button(CustomId.ForJob(CustomId.Reroll, job.Id).ToString(), $"Re-roll {number}", ButtonStyle.Primary));
            if (PastEditText.HasResults(job))
            {
                results.Add(ComponentBuilder.Button(CustomId.ForJob(CustomId.ShowResults, job.Id).ToString(), $"Results {number}", ButtonStyle.Secondary));
            }
        }

        var rows = rerolls.Chunk(5).Concat(results.Chunk(5)).Select(ComponentBuilder.ActionRow).ToList();
        MessageComponent[] paging =
        [
            .. page.Previous is { } previous ? [PageButton(previous, "Previous")] : Array.Empty<MessageComponent>(),
            .. page.Next is { } next ? [PageButton(next, "Next")] : Array.Empty<MessageComponent>(),
        ];
        if (paging.Length > 0)
        {
            rows.Add(ComponentBuilder.ActionRow(paging));
        }

        var embed = new Embed
        {
            Title = "Your edits",
            Description = Limit(text.ToString().TrimEnd()),
            Footer = new EmbedFooter { Text = string.Create(CultureInfo.InvariantCulture, $"Page {page.Number} of {page.Pages} · newest first") },
        };
        return new MessageBody { Embeds = [embed], Components = rows };
    }

    private static MessageComponent PageButton(HistoryPageKey key, string label) =>
        ComponentBuilder.Button(new CustomId(CustomId.HistoryPage, key.ToString()).ToString(), label);

    // Ten entries take about 3,500 characters at most (prompt and reason are shortened); this only guards the limit.
    private static string Limit(string text) => text.Length <= MaxDescription ? text : text[..(MaxDescription - 1)] + "…";
}
