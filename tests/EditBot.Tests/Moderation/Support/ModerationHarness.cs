using EditBot.Moderation;
using EditBot.Origin;
using EditBot.TestSupport.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EditBot.Tests.Moderation.Support;

/// <summary>The moderation services over in-memory stores and a fake clock (09:00 UTC on a fixed day unless told).</summary>
public sealed class ModerationHarness
{
    public static readonly DateTimeOffset Morning = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    public ModerationHarness(DateTimeOffset? now = null, ModerationOptions? options = null)
    {
        Time = new FakeTimeProvider(now ?? Morning);
        Options = Microsoft.Extensions.Options.Options.Create(options ?? new ModerationOptions());
        Settings = new GuildSettingsStore(KeyValues, Time, Options);
        Blocklists = new PromptBlocklistCache(Options.Value.BlocklistMatchTimeout);
        Evaluator = new RuleEvaluator(Costs, Blocklists);
        Usage = new UsageReader(Jobs, Costs, Options, NullLogger<UsageReader>.Instance);
        Operator = new OperatorRules(Options, Usage, Costs, Time);
        Service = new ModerationService(Settings, Usage, Evaluator, Operator, Costs, Time);
        Gate = new ModerationSubmissionGate(Service, new OriginModerationContextReader(), NullLogger<ModerationSubmissionGate>.Instance);
        Reports = new UsageReportBuilder(Jobs, Costs, Time, Options, NullLogger<UsageReportBuilder>.Instance);
    }

    public FakeTimeProvider Time { get; }
    public IOptions<ModerationOptions> Options { get; }
    public InMemoryJobStore Jobs { get; } = new();
    public InMemoryKeyValueStore KeyValues { get; } = new();
    public CostEstimator Costs { get; } = new();
    public PromptBlocklistCache Blocklists { get; }
    public GuildSettingsStore Settings { get; }
    public RuleEvaluator Evaluator { get; }
    public UsageReader Usage { get; }
    public OperatorRules Operator { get; }
    public ModerationService Service { get; }
    public ModerationSubmissionGate Gate { get; }
    public UsageReportBuilder Reports { get; }

    public async Task ConfigureAsync(Func<GuildSettings, GuildSettings> change)
    {
        var update = await Settings.UpdateAsync(TestJobs.Guild, change, CancellationToken.None);
        Assert.True(update.Saved, update.Problem);
    }
}
