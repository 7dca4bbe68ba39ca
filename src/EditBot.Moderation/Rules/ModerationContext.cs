using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using EditBot.Core.Jobs;

namespace EditBot.Moderation;

/// <summary>
/// The Discord context the rules need again at submission, kept in the job's <see cref="JobOrigin.Data"/> under the
/// property "moderation". The host writes it at intake with <see cref="WriteInto"/>.
/// </summary>
public sealed record ModerationContext(
    ulong GuildId,
    ulong ChannelId,
    ulong? ParentChannelId,
    ulong UserId,
    IReadOnlyList<ulong> RoleIds,
    MemberPermissions Permissions,
    bool DirectMessage = false)
{
    public const string PropertyName = "moderation";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ModerationContext From(ModerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.GuildId, request.ChannelId, request.ParentChannelId, request.UserId, [.. request.RoleIds], request.Permissions, request.DirectMessage);
    }

    public void WriteInto(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data[PropertyName] = JsonSerializer.SerializeToNode(this, Json);
    }

    /// <summary>False when the origin carries no (readable) moderation context, e.g. a CLI job.</summary>
    public static bool TryRead(JobOrigin origin, [NotNullWhen(true)] out ModerationContext? context)
    {
        ArgumentNullException.ThrowIfNull(origin);
        context = null;
        try
        {
            if (JsonNode.Parse(origin.Data) is JsonObject data && data[PropertyName] is JsonObject node)
            {
                context = node.Deserialize<ModerationContext>(Json);
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return context is not null;
    }

    /// <summary>The job's server: from its moderation context, else from its scope key ("guild:{id}"); null without one.</summary>
    public static ulong? GuildOf(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return TryRead(job.Origin, out var context) ? context.GuildId
            : OriginKeys.TryParseGuild(job.Origin.ScopeKey, out var id) ? id
            : null;
    }

    public ModerationRequest ToRequest(EditRequest edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        return new(GuildId, ChannelId, ParentChannelId, UserId, RoleIds ?? [], Permissions, edit.Prompt, edit.Count, edit.Quality, edit.Size, DirectMessage: DirectMessage);
    }
}
