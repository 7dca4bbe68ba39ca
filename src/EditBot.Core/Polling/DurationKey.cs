using EditBot.Core.Jobs;

namespace EditBot.Core.Polling;

/// <summary>The parameters that decide how long the remote model takes; durations are learned per key.</summary>
public readonly record struct DurationKey(string Quality, string Size, int Count)
{
    public static DurationKey Of(EditRequest request) =>
        new(request.Quality.ToUpperInvariant(), request.Size.ToUpperInvariant(), request.Count);
}
