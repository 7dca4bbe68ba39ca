using EditBot.Core.Jobs;

namespace EditBot.Moderation;

/// <summary>
/// Who waits for review and who decides. In review mode every request waits, except those of members who could
/// approve it themselves (the reviewer role, or Manage Server): making them approve their own request would add a
/// click and no oversight. Reviewers are the reviewer role and anyone with Manage Server.
/// </summary>
public static class ReviewPolicy
{
    public static bool NeedsReview(GuildSettings settings, IReadOnlyCollection<ulong> roleIds, MemberPermissions permissions)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Review.Enabled && !MayReview(settings, roleIds, permissions);
    }

    public static bool MayReview(GuildSettings settings, IReadOnlyCollection<ulong> roleIds, MemberPermissions permissions)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(roleIds);
        return permissions.HasFlag(MemberPermissions.ManageServer)
            || (settings.Review.ReviewerRoleId is { } role && roleIds.Contains(role));
    }

    /// <summary>When a request waiting for review expires (it waits from the moment it was received).</summary>
    public static DateTimeOffset ExpiresAt(Job job, GuildSettings settings)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(settings);
        return job.CreatedAt + settings.Review.EffectiveExpiry;
    }

    public static bool IsExpired(Job job, GuildSettings settings, DateTimeOffset now) =>
        job is { State: JobState.AwaitingApproval } && now >= ExpiresAt(job, settings);

    /// <summary>A decision is possible while the job still waits and has not expired (a late click gets a clear answer instead).</summary>
    public static bool CanDecide(Job job, GuildSettings settings, DateTimeOffset now) =>
        job is { State: JobState.AwaitingApproval } && !IsExpired(job, settings, now);
}
