using EditBot.Imaging.Decoding;
using Microsoft.Extensions.Options;

namespace EditBot.Imaging.Tests.Decoding;

public sealed class PixelBudgetTests
{
    private const long Budget = 100_000;

    private static PixelBudget Create() =>
        new(Options.Create(new ImagingOptions { MaxPixels = Budget, MaxConcurrentPixels = Budget }));

    [Fact]
    public async Task Requests_beyond_the_budget_wait_and_proceed_in_arrival_order_as_pixels_return()
    {
        using var budget = Create();
        var first = await budget.AcquireAsync(Budget, CancellationToken.None);
        var second = budget.AcquireAsync(60_000, CancellationToken.None).AsTask();
        var third = budget.AcquireAsync(60_000, CancellationToken.None).AsTask();
        var fourth = budget.AcquireAsync(10_000, CancellationToken.None).AsTask();
        Assert.False(second.IsCompleted || third.IsCompleted || fourth.IsCompleted);

        first.Dispose();
        var secondLease = await second;

        Assert.False(third.IsCompleted, "60k do not fit in the 40k left");
        Assert.False(fourth.IsCompleted, "10k would fit, but it arrived after the third and waits its turn");
        secondLease.Dispose();
        (await third).Dispose();
        (await fourth).Dispose();
    }

    [Fact]
    public async Task A_request_cancelled_while_waiting_takes_nothing()
    {
        using var budget = Create();
        var holder = await budget.AcquireAsync(Budget, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = budget.AcquireAsync(50_000, cancel.Token).AsTask();

        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        holder.Dispose();
        var whole = budget.AcquireAsync(Budget, CancellationToken.None);
        Assert.True(whole.IsCompleted, "the whole budget is free again at once");
        (await whole).Dispose();
    }

    [Fact]
    public async Task A_request_larger_than_the_budget_takes_the_whole_budget_instead_of_waiting_forever()
    {
        using var budget = Create();
        var small = await budget.AcquireAsync(1, CancellationToken.None);
        var oversize = budget.AcquireAsync(10 * Budget, CancellationToken.None).AsTask();
        Assert.False(oversize.IsCompleted, "it still waits for what others hold");

        small.Dispose();
        var lease = await oversize;

        Assert.Equal(Budget, lease.Pixels);
        var next = budget.AcquireAsync(1, CancellationToken.None).AsTask();
        Assert.False(next.IsCompleted, "the oversize request holds the whole budget");
        lease.Dispose();
        (await next).Dispose();
    }

    [Fact]
    public async Task A_cancelled_waiter_does_not_hold_up_those_behind_it_once_pixels_return()
    {
        using var budget = Create();
        var holder = await budget.AcquireAsync(60_000, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var head = budget.AcquireAsync(50_000, cancel.Token).AsTask();
        var behind = budget.AcquireAsync(50_000, CancellationToken.None).AsTask();

        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => head);
        holder.Dispose();

        (await behind).Dispose();
    }
}
