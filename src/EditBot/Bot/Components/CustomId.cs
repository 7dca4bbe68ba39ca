using System.Diagnostics.CodeAnalysis;

namespace EditBot.Bot.Components;

/// <summary>
/// The custom_id of every button, select and modal this bot sends: "eb:{action}:{key}[:{index}]". The key is a job id
/// (32 hex digits), a pending-target key or a history page's position, so a press works after a restart with nothing
/// held in memory.
/// </summary>
public sealed record CustomId(string Action, string Key, int? Index = null)
{
    public const string Prefix = "eb";
    public const int MaxLength = 100;

    public const string Cancel = "cancel";
    public const string Reroll = "reroll";
    public const string EditThis = "edit";
    public const string Delete = "delete";
    /// <summary>Edit region under results: a fresh mask-editor link for them.</summary>
    public const string EditRegion = "region";
    /// <summary>Select of one result image of a job for "Edit this".</summary>
    public const string PickResult = "pickres";
    /// <summary>Modal with a new prompt for one result of a job.</summary>
    public const string Refine = "refine";
    /// <summary>Select of one image on a message-command target.</summary>
    public const string PickTarget = "pick";
    /// <summary>Modal of the message command for one image of the target.</summary>
    public const string TargetModal = "target";
    /// <summary>A server admin sends again an edit whose lost submit could not be proven unaccepted.</summary>
    public const string Resend = "resend";
    /// <summary>The results of a past edit again, only to its requester (from /editbot history and status).</summary>
    public const string ShowResults = "results";
    /// <summary>A page of /editbot history; the key is a <see cref="EditBot.Bot.History.HistoryPageKey"/>, not a job id.</summary>
    public const string HistoryPage = "page";

    public static CustomId ForJob(string action, Guid jobId, int? index = null) => new(action, jobId.ToString("N"), index);

    public override string ToString()
    {
        var text = Index is { } i ? $"{Prefix}:{Action}:{Key}:{i}" : $"{Prefix}:{Action}:{Key}";
        return text.Length <= MaxLength ? text : throw new InvalidOperationException("A custom_id is longer than 100 characters.");
    }

    public bool TryGetJobId(out Guid jobId) => Guid.TryParseExact(Key, "N", out jobId);

    public static bool TryParse(string? text, [NotNullWhen(true)] out CustomId? id)
    {
        id = null;
        var parts = text?.Split(':');
        if (parts is not { Length: 3 or 4 } || parts[0] != Prefix || parts[1].Length == 0 || parts[2].Length == 0)
        {
            return false;
        }

        int? index = null;
        if (parts.Length == 4)
        {
            if (!int.TryParse(parts[3], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i))
            {
                return false;
            }

            index = i;
        }

        id = new CustomId(parts[1], parts[2], index);
        return true;
    }
}
