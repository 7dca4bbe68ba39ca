using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using EditBot.Core.Storage;

namespace EditBot.Bot.History;

/// <summary>
/// Which page of /editbot history a Previous or Next button shows, kept in its custom_id so a press works after a
/// restart: the edits older than a position (Next) or newer than it (Previous). Written as "o" or "n", the position's
/// UTC ticks, a dot and the job id (32 hex digits): 53 characters at most, with every digit of the store's time (a
/// PostgreSQL timestamp keeps microseconds; milliseconds would skip edits of the same millisecond).
/// </summary>
public sealed record HistoryPageKey(bool Older, JobPosition Position)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{(Older ? 'o' : 'n')}{Position.CreatedAt.UtcTicks}.{Position.Id:N}");

    public static bool TryParse(string? text, [NotNullWhen(true)] out HistoryPageKey? key)
    {
        key = null;
        var dot = text?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (text is null || dot < 2 || text[0] is not ('o' or 'n')
            || !long.TryParse(text.AsSpan(1, dot - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !Guid.TryParseExact(text.AsSpan(dot + 1), "N", out var id))
        {
            return false;
        }

        key = new HistoryPageKey(text[0] == 'o', new JobPosition(new DateTimeOffset(ticks, TimeSpan.Zero), id));
        return true;
    }
}
