using EditBot.Bot.Components;
using EditBot.Bot.History;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using EditBot.Origin;
using EditBot.TestSupport.Storage;

namespace EditBot.Tests.Bot.History;

/// <summary>
/// /editbot history's pages: keyset positions in the buttons' custom_ids (nothing in memory), Next and Previous walking
/// every edit once, numbered, including edits of the same instant and with the store's sub-millisecond times.
/// </summary>
public sealed class HistoryPagingTests
{
    private const ulong Me = 1400000000000000001;
    private static readonly DateTimeOffset T0 = new(2026, 5, 6, 7, 8, 9, TimeSpan.Zero);
    private readonly InMemoryJobStore _store = new();

    [Fact]
    public void A_page_key_keeps_every_tick_of_its_position_and_fits_a_custom_id()
    {
        var position = new JobPosition(T0.AddTicks(1234567), Guid.NewGuid()); // 123.4567 ms: sub-millisecond, as PostgreSQL keeps
        var id = new CustomId(CustomId.HistoryPage, new HistoryPageKey(Older: true, position).ToString()).ToString();

        Assert.True(id.Length <= CustomId.MaxLength, id);
        Assert.True(CustomId.TryParse(id, out var parsed));
        Assert.True(HistoryPageKey.TryParse(parsed.Key, out var key));
        Assert.Equal(new HistoryPageKey(true, position), key);
        Assert.Equal(position.CreatedAt.UtcTicks, key.Position.CreatedAt.UtcTicks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("x638000000000000000.0123456789abcdef0123456789abcdef")]
    [InlineData("o.0123456789abcdef0123456789abcdef")]
    [InlineData("o-5.0123456789abcdef0123456789abcdef")]
    [InlineData("o99999999999999999999.0123456789abcdef0123456789abcdef")]
    [InlineData("n638000000000000000.not-a-guid")]
    [InlineData("n638000000000000000")]
    public void A_malformed_page_key_is_refused(string text) => Assert.False(HistoryPageKey.TryParse(text, out _));

    [Fact]
    public async Task Next_walks_every_edit_once_newest_first_and_Previous_comes_back_to_the_same_pages()
    {
        // 23 edits, five of them at the same instant, and someone else's in between.
        var mine = new List<Job>();
        for (var i = 0; i < 23; i++)
        {
            mine.Add(await InsertAsync(Me, T0.AddSeconds(i is >= 10 and < 15 ? 10 : i)));
        }

        await InsertAsync(Me + 1, T0.AddSeconds(12));
        var reader = new HistoryReader(_store);

        var first = await reader.ReadAsync(Me, null, CancellationToken.None);
        var second = await reader.ReadAsync(Me, Next(first), CancellationToken.None);
        var third = await reader.ReadAsync(Me, Next(second), CancellationToken.None);

        var expected = mine.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id.ToString("D"), StringComparer.Ordinal).Select(j => j.Id).ToList();
        Assert.Equal(expected, first.Jobs.Concat(second.Jobs).Concat(third.Jobs).Select(j => j.Id));
        Assert.Equal([(1, 3, false, true), (2, 3, true, true), (3, 3, true, false)], new[] { first, second, third }.Select(Place));
        Assert.Equal([10, 10, 3], new[] { first, second, third }.Select(p => p.Jobs.Count));

        var backToSecond = await reader.ReadAsync(Me, Previous(third), CancellationToken.None);
        var backToFirst = await reader.ReadAsync(Me, Previous(backToSecond), CancellationToken.None);
        Assert.Equal(second.Jobs.Select(j => j.Id), backToSecond.Jobs.Select(j => j.Id));
        Assert.Equal((2, 3, true, true), Place(backToSecond));
        Assert.Equal(first.Jobs.Select(j => j.Id), backToFirst.Jobs.Select(j => j.Id));
        Assert.Equal((1, 3, false, true), Place(backToFirst));
    }

    [Fact]
    public async Task An_edit_made_while_paging_is_one_Previous_further_and_no_page_is_called_the_first_while_newer_ones_exist()
    {
        var mine = new List<Job>();
        for (var i = 0; i < 12; i++)
        {
            mine.Add(await InsertAsync(Me, T0.AddSeconds(i)));
        }

        var reader = new HistoryReader(_store);
        var second = await reader.ReadAsync(Me, Next(await reader.ReadAsync(Me, null, CancellationToken.None)), CancellationToken.None);
        var made = await InsertAsync(Me, T0.AddMinutes(5));

        // The ten just newer than the second page: the old first page, now with one newer edit above it.
        var back = await reader.ReadAsync(Me, Previous(second), CancellationToken.None);
        Assert.Equal(mine.Skip(2).Reverse().Select(j => j.Id), back.Jobs.Select(j => j.Id));
        Assert.Equal((2, 2, true, true), Place(back));

        var first = await reader.ReadAsync(Me, Previous(back), CancellationToken.None);
        Assert.Equal(made.Id, first.Jobs[0].Id);
        Assert.Equal((1, 2, false, true), Place(first));
    }

    [Fact]
    public async Task Someone_without_edits_gets_one_empty_page_without_buttons()
    {
        await InsertAsync(Me + 1, T0);

        var page = await new HistoryReader(_store).ReadAsync(Me, null, CancellationToken.None);

        Assert.Empty(page.Jobs);
        Assert.Equal((1, 1, false, false), Place(page));
    }

    private static (int, int, bool, bool) Place(HistoryPage page) => (page.Number, page.Pages, page.HasNewer, page.HasOlder);

    private static HistoryPageKey Next(HistoryPage page) => page.Next ?? throw new InvalidOperationException("no Next on this page");

    private static HistoryPageKey Previous(HistoryPage page) => page.Previous ?? throw new InvalidOperationException("no Previous on this page");

    private async Task<Job> InsertAsync(ulong userId, DateTimeOffset createdAt)
    {
        var job = new Job
        {
            Id = Guid.NewGuid(),
            State = JobState.Done,
            Request = new EditRequest("a hat", "img", null, "1024x1024", "low", 1),
            Origin = JobOrigins.ForDiscord(new DiscordOrigin { UserId = userId, ChannelId = 5 }),
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
        };
        return await _store.InsertAsync(job, new JobEvent(job.Id, createdAt, JobState.Received, JobState.Done, "created"), CancellationToken.None);
    }
}
