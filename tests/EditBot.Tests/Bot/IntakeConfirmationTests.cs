using EditBot.Bot;
using EditBot.Bot.Intake;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using EditBot.Origin;
using EditBot.Tests.Bot.Support;
using EditBot.TestSupport.Gmi;
using Microsoft.Extensions.DependencyInjection;

namespace EditBot.Tests.Bot;

/// <summary>
/// The last step of intake, after the progress message was posted: the reservation becomes a queued job whatever
/// happens to the caller, and a reservation that ended meanwhile is refused without leaving anything counted.
/// </summary>
public sealed class IntakeConfirmationTests : IAsyncLifetime
{
    private ExperienceHost host = null!;

    public async Task InitializeAsync() => host = await ExperienceHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    // Review of issue 10: the confirmation used the caller's token. Old code: a caller cancelled once the progress
    // message existed (a shutting-down gateway, an interaction given up on) threw OperationCanceledException and left
    // the job Received, counted against the person's limits, behind a progress message that never moved.
    [Fact]
    public async Task An_edit_whose_caller_gives_up_after_the_progress_message_was_posted_is_still_queued()
    {
        using var caller = new CancellationTokenSource();

        var outcome = await SubmitAsync("queued anyway", (origin, _) =>
        {
            caller.Cancel();
            return Task.FromResult(origin with { ProgressMessageId = 42 });
        }, caller.Token);

        Assert.True(outcome.IsAccepted, outcome.Refusal);
        var stored = await host.Jobs.GetAsync(outcome.Job!.Id, CancellationToken.None);
        Assert.NotEqual(JobState.Received, stored!.State);
    }

    [Fact]
    public async Task A_reservation_that_ended_before_it_was_confirmed_is_refused_and_stops_counting()
    {
        var outcome = await SubmitAsync("ended meanwhile", async (origin, ct) =>
        {
            var reserved = await host.Services.GetRequiredService<IJobStore>().ListAsync(new JobQuery { States = [JobState.Received] }, ct);
            await host.Jobs.AbandonReservationAsync(Assert.Single(reserved).Id, "ended by the test", ct);
            return origin with { ProgressMessageId = 42 };
        }, CancellationToken.None);

        Assert.Equal("This edit was cancelled before it could be queued; nothing was sent. Try again.", outcome.Refusal);
        var live = await host.Services.GetRequiredService<IJobStore>().ListAsync(new JobQuery(), CancellationToken.None);
        Assert.All(live, j => Assert.Equal(JobState.Cancelled, j.State));
    }

    private async Task<IntakeOutcome> SubmitAsync(
        string prompt, Func<DiscordOrigin, CancellationToken, Task<DiscordOrigin>> beforeEnqueue, CancellationToken cancellationToken)
    {
        var blob = await host.Services.GetRequiredService<IBlobStore>().PutAsync(FakeGmiInputs.Png(64, 64), "image/png", CancellationToken.None);
        var origin = new DiscordOrigin { Entry = EntryKind.Mention, UserId = 1300000000000000001, ChannelId = 1200000000000000001 };
        var input = new EditInput { Image = ImageSource.FromBlob(blob), Prompt = prompt };
        return await host.Services.GetRequiredService<EditIntake>().SubmitAsync(input, origin, ([], 0UL), beforeEnqueue, null, cancellationToken);
    }
}
