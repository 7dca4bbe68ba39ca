using EditBot.TestSupport.Gmi.Contract;

namespace EditBot.TestSupport.Gmi;

/// <summary>A request the fake accepted. Its status walks <see cref="FakeGmiServer.StatusSequence"/> over <see cref="Duration"/>.</summary>
public sealed class FakeGmiRequest
{
    internal FakeGmiRequest(string requestId, string model, string prompt, string image, string? mask, string size, string quality, int n, DateTimeOffset createdAt, TimeSpan duration, IReadOnlyList<string> statuses, string? failureText)
    {
        RequestId = requestId;
        Model = model;
        Prompt = prompt;
        Image = image;
        Mask = mask;
        Size = size;
        Quality = quality;
        N = n;
        CreatedAt = createdAt;
        Duration = duration;
        Statuses = statuses;
        FailureText = failureText;
    }

    public string RequestId { get; }
    public string Model { get; }
    public string Prompt { get; }
    public string Image { get; }
    public string? Mask { get; }
    public string Size { get; }
    public string Quality { get; }
    public int N { get; }
    public DateTimeOffset CreatedAt { get; }
    public TimeSpan Duration { get; internal set; }
    public IReadOnlyList<string> Statuses { get; }

    /// <summary>When set, the request ends as "failed" with this text.</summary>
    public string? FailureText { get; internal set; }

    internal string? Payload { get; init; }

    /// <summary>The POST body exactly as it reached the fake's socket.</summary>
    public string RawBody { get; init; } = "";

    /// <summary>The payload image as the fake decoded it.</summary>
    public FakeGmiImageFacts? ImageFacts { get; init; }

    /// <summary>The payload mask as the fake decoded it; null when the body had no mask key.</summary>
    public FakeGmiImageFacts? MaskFacts { get; init; }

    /// <summary>Order of acceptance; breaks ties between requests created within the same clock tick.</summary>
    public long Sequence { get; init; }

    public bool IsTerminalAt(DateTimeOffset now) => Duration <= TimeSpan.Zero || now - CreatedAt >= Duration;

    /// <summary>The status string the fake reports at <paramref name="now"/>.</summary>
    public string StatusAt(DateTimeOffset now)
    {
        if (IsTerminalAt(now))
        {
            return FailureText is null ? Statuses[^1] : "failed";
        }

        var steps = Math.Max(1, Statuses.Count - 1);
        var index = (int)((now - CreatedAt) / Duration * steps);
        return Statuses[Math.Clamp(index, 0, steps - 1)];
    }
}
