using EditBot.Core.Storage;

namespace EditBot.Storage.Tests;

/// <summary>The three stores over one database, and what to dispose when done with them.</summary>
public sealed record StoreSet(IJobStore Jobs, IBlobStore Blobs, IKeyValueStore Settings, IDisposable Database);
