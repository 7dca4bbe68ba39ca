using EditBot.Core.Jobs;
using EditBot.Moderation;
using EditBot.Origin;

namespace EditBot.Tests.Moderation.Support;

/// <summary>Builds jobs as the Discord intake would store them (origin keys and moderation context).</summary>
public static class TestJobs
{
    public const ulong Guild = 100;
    public const ulong Channel = 200;
    public const ulong User = 300;

    public static Job Create(
        DateTimeOffset createdAt,
        JobState state = JobState.Done,
        ulong user = User,
        ulong guild = Guild,
        string quality = "high",
        string size = "1024x1024",
        int count = 1,
        string prompt = "a red bicycle",
        bool submitted = true,
        ModerationContext? context = null)
    {
        var data = JobOrigins.Write(new OriginDocument { Moderation = context ?? new ModerationContext(guild, Channel, null, user, [], MemberPermissions.None) });
        return new Job
        {
            Id = Guid.NewGuid(),
            State = state,
            Request = new EditRequest(prompt, "blob-image", null, size, quality, count),
            Origin = new JobOrigin("discord", OriginKeys.User(user), OriginKeys.Guild(guild), data),
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
            Submissions = submitted ? 1 : 0,
            SubmitIntentAt = submitted ? createdAt : null,
        };
    }

    public static ModerationRequest Request(
        string prompt = "a red bicycle",
        int count = 1,
        string quality = "high",
        string size = "1024x1024",
        ulong user = User,
        ulong channel = Channel,
        ulong? parent = null,
        IReadOnlyCollection<ulong>? roles = null,
        MemberPermissions permissions = MemberPermissions.None) =>
        new(Guild, channel, parent, user, roles ?? [], permissions, prompt, count, quality, size);
}
