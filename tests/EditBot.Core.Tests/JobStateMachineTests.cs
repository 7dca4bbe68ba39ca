using EditBot.Core.Jobs;

namespace EditBot.Core.Tests;

public sealed class JobStateMachineTests
{
    // The job lifecycle (docs/architecture.md) written out independently of the implementation.
    private static readonly HashSet<(JobState, JobState)> Legal =
    [
        (JobState.Received, JobState.AwaitingApproval), (JobState.Received, JobState.Queued),
        (JobState.Received, JobState.Rejected), (JobState.Received, JobState.Failed), (JobState.Received, JobState.Cancelled),
        (JobState.AwaitingApproval, JobState.Queued), (JobState.AwaitingApproval, JobState.Rejected),
        (JobState.AwaitingApproval, JobState.Failed), (JobState.AwaitingApproval, JobState.Cancelled),
        (JobState.Queued, JobState.Preparing), (JobState.Queued, JobState.Failed), (JobState.Queued, JobState.Cancelled),
        (JobState.Preparing, JobState.Submitting), (JobState.Preparing, JobState.Failed), (JobState.Preparing, JobState.Cancelled),
        (JobState.Submitting, JobState.Submitted), (JobState.Submitting, JobState.Queued),
        (JobState.Submitting, JobState.Failed), (JobState.Submitting, JobState.Cancelled),
        (JobState.Submitted, JobState.Polling), (JobState.Submitted, JobState.Fetching),
        (JobState.Submitted, JobState.Failed), (JobState.Submitted, JobState.Cancelled),
        (JobState.Polling, JobState.Fetching), (JobState.Polling, JobState.Submitting),
        (JobState.Polling, JobState.Failed), (JobState.Polling, JobState.Cancelled),
        (JobState.Fetching, JobState.Delivering), (JobState.Fetching, JobState.Failed), (JobState.Fetching, JobState.Cancelled),
        (JobState.Delivering, JobState.Done), (JobState.Delivering, JobState.Failed), (JobState.Delivering, JobState.Cancelled),
    ];

    public static TheoryData<JobState, JobState> AllPairs()
    {
        var data = new TheoryData<JobState, JobState>();
        foreach (var from in Enum.GetValues<JobState>())
        {
            foreach (var to in Enum.GetValues<JobState>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Every_state_pair_is_allowed_exactly_when_the_lifecycle_says_so(JobState from, JobState to)
    {
        Assert.Equal(Legal.Contains((from, to)), JobStateMachine.CanMove(from, to));
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void An_illegal_move_throws_naming_both_states_and_a_legal_one_does_not(JobState from, JobState to)
    {
        if (Legal.Contains((from, to)))
        {
            JobStateMachine.EnsureCanMove(from, to);
            return;
        }

        var error = Assert.Throws<InvalidOperationException>(() => JobStateMachine.EnsureCanMove(from, to));
        Assert.Contains(from.ToString(), error.Message);
        Assert.Contains(to.ToString(), error.Message);
    }

    [Fact]
    public void Terminal_states_are_exactly_done_failed_rejected_and_cancelled()
    {
        var terminal = Enum.GetValues<JobState>().Where(s => s.IsTerminal()).ToHashSet();
        Assert.Equal(new HashSet<JobState> { JobState.Done, JobState.Failed, JobState.Rejected, JobState.Cancelled }, terminal);
    }
}
