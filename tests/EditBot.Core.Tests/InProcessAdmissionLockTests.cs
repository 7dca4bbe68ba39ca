using EditBot.Core.Storage;

namespace EditBot.Core.Tests;

public sealed class InProcessAdmissionLockTests
{
    // Review of issue 11: keys shared 64 stripes, so unrelated keys waited for each other and a holder of one key that
    // took another on its stripe waited for itself. Old code: with 64 keys held the 65th shared a stripe and waited
    // (30 s, then "stayed busy"; the test gives up after 5 s).
    [Fact]
    public async Task Any_number_of_different_keys_are_held_at_once()
    {
        using var admission = new InProcessAdmissionLock();
        var held = new List<IAsyncDisposable>();
        for (var i = 0; i < 65; i++)
        {
            held.Add(await admission.AcquireAsync($"running:discord:{i}", CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
        }

        Assert.Equal(65, admission.KeysInUse);
        foreach (var h in held)
        {
            await h.DisposeAsync();
        }

        Assert.Equal(0, admission.KeysInUse);
    }

    [Fact]
    public async Task One_key_admits_one_holder_at_a_time_and_keeps_nothing_once_everyone_left()
    {
        using var admission = new InProcessAdmissionLock();
        var first = await admission.AcquireAsync("spend", CancellationToken.None);
        var second = admission.AcquireAsync("spend", CancellationToken.None).AsTask();
        using var cancel = new CancellationTokenSource();
        var gaveUp = admission.AcquireAsync("spend", cancel.Token).AsTask();

        await Task.Delay(50);
        Assert.False(second.IsCompleted);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gaveUp);
        await first.DisposeAsync();
        await first.DisposeAsync();
        await (await second.WaitAsync(TimeSpan.FromSeconds(5))).DisposeAsync();

        Assert.Equal(0, admission.KeysInUse);
        await using var again = await admission.AcquireAsync("spend", CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
    }
}
