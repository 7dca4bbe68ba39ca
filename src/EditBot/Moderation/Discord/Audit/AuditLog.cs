using System.Threading.Channels;
using EditBot.Discord.Models;
using Microsoft.Extensions.Logging;

namespace EditBot.Moderation.Discord;

/// <summary>
/// The audit log's front: entries are queued and posted in the background by <see cref="AuditPostingService"/>, so a
/// slow or rate-limited audit channel never holds up the interaction, intake or job that caused the entry. Bounded:
/// when the channel is down for long, new entries are dropped and logged rather than growing without end.
/// </summary>
public sealed partial class AuditLog(ILogger<AuditLog> logger)
{
    /// <summary>Entries waiting to be posted, across all servers.</summary>
    public const int Capacity = 1000;

    // Bounded by Outstanding, not by the channel: the poster moves entries on into per-server lanes at once.
    private readonly System.Threading.Channels.Channel<PendingAuditPost> _queue = System.Threading.Channels.Channel.CreateUnbounded<PendingAuditPost>(
        new UnboundedChannelOptions { SingleReader = true });

    private readonly Lock _gate = new();
    private int _outstanding;
    private TaskCompletionSource _idle = Idle();

    internal ChannelReader<PendingAuditPost> Pending => _queue.Reader;

    /// <summary>Entries queued and not yet posted (or given up on).</summary>
    public int Outstanding
    {
        get
        {
            lock (_gate)
            {
                return _outstanding;
            }
        }
    }

    /// <summary>Queues the entry for posting; never waits. False (logged) when the queue is full.</summary>
    public bool Enqueue(ulong guildId, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            if (_outstanding < Capacity && _queue.Writer.TryWrite(new PendingAuditPost(guildId, entry)))
            {
                if (_outstanding++ == 0)
                {
                    _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                return true;
            }
        }

        LogDropped(logger, entry.Kind, entry.JobId, guildId, Capacity);
        return false;
    }

    /// <summary>Completes when every queued entry was posted or given up on (at shutdown, and for tests).</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The poster is done with one entry (posted, refused or dropped).</summary>
    internal void Settled()
    {
        lock (_gate)
        {
            if (--_outstanding == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource Idle()
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        idle.SetResult();
        return idle;
    }

    /// <summary>The audit message: one line, no pings (the prompt and names may contain mentions).</summary>
    public static MessageBody Body(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new MessageBody { Content = entry.ToLine(), AllowedMentions = AllowedMentions.None };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit entry {Kind} of job {JobId} in guild {GuildId} dropped: {Capacity} entries already wait to be posted")]
    private static partial void LogDropped(ILogger logger, AuditEventKind kind, Guid? jobId, ulong guildId, int capacity);
}
