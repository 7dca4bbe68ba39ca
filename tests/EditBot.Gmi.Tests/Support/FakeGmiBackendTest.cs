using EditBot.Core.Backend;
using EditBot.TestSupport.Gmi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EditBot.Gmi.Tests.Support;

/// <summary>A fake GMI on a fake clock and the real backend over it, fresh for every test (reconciliation tests).</summary>
public abstract class FakeGmiBackendTest : IAsyncLifetime
{
    protected static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-11-24T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    protected FakeTimeProvider ServerTime { get; } = new(Start);

    protected FakeGmiServer Fake { get; private set; } = null!;

    protected IEditBackend Backend { get; private set; } = null!;

    private ServiceProvider Services { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Fake = await GmiTestServices.StartFakeAsync(ServerTime);
        Services = GmiTestServices.Create(Fake);
        Backend = Services.GetRequiredService<IEditBackend>();
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
