using System.Globalization;
using System.Text;
using EditBot.Bot.Components;
using EditBot.Core.Jobs;
using EditBot.Discord.Models;
using EditBot.Origin;

namespace EditBot.Bot.Progress;

/// <summary>The text of a job's progress message: what was asked, where the job stands, how long it has taken.</summary>
public static class ProgressText
{
    public static MessageBody Render(Job job, DiscordOrigin origin, int queuePosition, DateTimeOffset now, string? resultsWhere = null)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(origin);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"**Edit** “{Shorten(job.Request.Prompt, 150)}” · {Images(job.Request.Count)}, {job.Request.Size}, quality {job.Request.Quality}")
            .Append('\n')
            .Append(Status(job, queuePosition, now, resultsWhere));
        foreach (var note in origin.IntakeNotes)
        {
            text.Append("\n-# ").Append(note);
        }

        return new MessageBody { Content = Limit(text.ToString()), Components = Buttons(job, origin) };
    }

    /// <summary>Cancel while the job runs; after an uncertain submit in a server, the admins' "Send again".</summary>
    private static IReadOnlyList<MessageComponent> Buttons(Job job, DiscordOrigin origin)
    {
        if (!job.IsTerminal)
        {
            return [ComponentBuilder.ActionRow(ComponentBuilder.Button(CustomId.ForJob(CustomId.Cancel, job.Id).ToString(), "Cancel", ButtonStyle.Danger))];
        }

        return job.Failure?.Code == FailureCode.SubmitUncertain && origin.GuildId is not null
            ? [ComponentBuilder.ActionRow(ComponentBuilder.Button(CustomId.ForJob(CustomId.Resend, job.Id).ToString(), "Send again (server admins)", ButtonStyle.Secondary))]
            : [];
    }

    public static string Status(Job job, int queuePosition, DateTimeOffset now, string? resultsWhere = null)
    {
        ArgumentNullException.ThrowIfNull(job);
        var started = $"started <t:{job.CreatedAt.ToUnixTimeSeconds()}:R>";
        return job.State switch
        {
            JobState.Received or JobState.Queued => queuePosition > 0
                ? $"🕒 Queued: #{queuePosition} in line · {started}"
                : $"🕒 Queued · {started}",
            JobState.AwaitingApproval => $"⏳ Waiting for a moderator's review · {started}",
            JobState.Preparing or JobState.Submitting => $"⚙️ Sending to the model · {Elapsed(job, now)} so far",
            JobState.Submitted or JobState.Polling => $"🎨 Editing · {Elapsed(job, now)} so far",
            JobState.Fetching => $"📥 Downloading the results · {Elapsed(job, now)} so far",
            JobState.Delivering => $"📤 Posting the results · {Elapsed(job, now)} so far",
            JobState.Done => resultsWhere is null ? $"✅ Done in {Elapsed(job, now)}" : $"✅ Done in {Elapsed(job, now)} · {resultsWhere}",
            JobState.Cancelled => $"🚫 Cancelled after {Elapsed(job, now)}",
            JobState.Rejected => "🚫 A moderator declined this edit",
            _ => $"❌ Failed: {job.Failure?.Message ?? "something went wrong"}",
        };
    }

    /// <summary>"42 s", "3 min 05 s": from the request to its end (or now).</summary>
    public static string Elapsed(Job job, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(job);
        var span = (job.CompletedAt ?? now) - job.CreatedAt;
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        return span.TotalMinutes >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min {span.Seconds:00} s")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalSeconds} s");
    }

    public static string Shorten(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= max ? line : line[..(max - 1)] + "…";
    }

    private static string Images(int count) => count == 1 ? "1 image" : $"{count} images";

    private static string Limit(string text) => text.Length <= 2000 ? text : text[..1999] + "…";
}
