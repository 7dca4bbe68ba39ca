using Prometheus;

namespace EditBot.Observability;

/// <summary>
/// The bot's Prometheus metrics, in a registry of its own per host so that tests running several hosts in one
/// process don't add up each other's figures.
/// </summary>
public sealed class EditBotMetrics
{
    public EditBotMetrics()
    {
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        JobsByState = factory.CreateGauge("editbot_jobs", "Jobs in the store by state.", "state");
        Transitions = factory.CreateCounter("editbot_job_transitions_total", "Job state transitions.", "to");
        ApiLatency = factory.CreateHistogram(
            "editbot_http_request_duration_seconds",
            "Outgoing HTTP request latency by client (gmi, discord, download) and method.",
            new HistogramConfiguration { LabelNames = ["client", "method"], Buckets = Histogram.ExponentialBuckets(0.005, 2, 14) });
        RateLimited = factory.CreateCounter("editbot_http_429_total", "HTTP 429 answers received, by client.", "client");
        Polls = factory.CreateCounter("editbot_polls_total", "Status polls of the remote queue.");
        DeliveryTime = factory.CreateHistogram(
            "editbot_delivery_duration_seconds",
            "From the API's success to results posted.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.05, 2, 12) });
        Instances = factory.CreateGauge("editbot_instances", "Live instances sharing the deployment's budgets, by role, as this instance's last heartbeat counted them.", "role");
        Leader = factory.CreateGauge("editbot_leader", "1 where this instance runs the singleton task, 0 where it stands by.", "task");
        JobDuration = factory.CreateHistogram(
            "editbot_job_duration_seconds",
            "From creation to a terminal state, by outcome.",
            new HistogramConfiguration { LabelNames = ["outcome"], Buckets = Histogram.ExponentialBuckets(1, 2, 12) });
    }

    public CollectorRegistry Registry { get; }

    public Gauge JobsByState { get; }

    public Gauge Instances { get; }

    public Gauge Leader { get; }

    public Counter Transitions { get; }

    public Histogram ApiLatency { get; }

    public Counter RateLimited { get; }

    public Counter Polls { get; }

    public Histogram DeliveryTime { get; }

    public Histogram JobDuration { get; }
}
