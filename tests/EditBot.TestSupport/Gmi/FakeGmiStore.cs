using System.Collections.Concurrent;

namespace EditBot.TestSupport.Gmi;

/// <summary>The fake's state: requests, upload slots, static objects and rendered media.</summary>
internal sealed class FakeGmiStore
{
    public ConcurrentDictionary<string, FakeGmiRequest> Requests { get; } = new(StringComparer.Ordinal);
    public ConcurrentDictionary<string, FakeGmiUpload> Uploads { get; } = new(StringComparer.Ordinal);
    public ConcurrentDictionary<string, FakeGmiStaticObject> Statics { get; } = new(StringComparer.Ordinal);
    public ConcurrentDictionary<string, byte[]> RenderedMedia { get; } = new(StringComparer.Ordinal);
}
