using System.Globalization;
using System.Text;
using EditBot.Bot.Components;
using EditBot.Bot.Progress;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using EditBot.Discord.Models;
using Microsoft.Extensions.Options;

namespace EditBot.Bot.History;

/// <summary>
/// For /editbot status: the requester's recent edits that finished but could not be handed over (Discord refused the
/// delivery, e.g. the answer window closed and their DMs are closed), whose results are still kept: the last
/// <see cref="Window"/>, or the blob retention when shorter. Each with why, and a Show results button.
/// </summary>
public sealed class UndeliveredJobs(IJobStore store, IOptions<StorageOptions> storage, TimeProvider timeProvider)
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    public const int MaxListed = 5;

    /// <summary>Failed jobs read to find them: a person's failures of a week, with room to spare.</summary>
    private const int Scanned = 50;

    public async Task<IReadOnlyList<Job>> ListAsync(ulong userId, CancellationToken cancellationToken)
    {
        var kept = storage.Value.BlobRetention < Window ? storage.Value.BlobRetention : Window;
        var failed = await store.ListAsync(
            new JobQuery { RequesterKey = OriginKeys.User(userId), States = [JobState.Failed], UpdatedSince = timeProvider.GetUtcNow() - kept, Limit = Scanned },
            cancellationToken);
        return [.. failed.Where(PastEditText.HasResults).Take(MaxListed)];
    }

    /// <summary>The "Not delivered" embed and its row of Show results buttons (numbered as the embed lists them).</summary>
    public static (Embed Embed, MessageComponent Row) Render(IReadOnlyList<Job> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var text = new StringBuilder();
        var buttons = new List<MessageComponent>();
        for (var i = 0; i < jobs.Count; i++)
        {
            var job = jobs[i];
            text.Append(CultureInfo.InvariantCulture, $"**{i + 1}.** “{ProgressText.Shorten(job.Request.Prompt, 80)}” · <t:{job.CreatedAt.ToUnixTimeSeconds()}:R>\n")
                .Append(ProgressText.Shorten(job.Failure?.Message ?? "Discord refused the results.", 400)).Append('\n');
            buttons.Add(ComponentBuilder.Button(CustomId.ForJob(CustomId.ShowResults, job.Id).ToString(), $"Show results {i + 1}", ButtonStyle.Primary));
        }

        var embed = new Embed { Title = "Not delivered", Description = text.ToString().TrimEnd() };
        return (embed, ComponentBuilder.ActionRow([.. buttons]));
    }
}
