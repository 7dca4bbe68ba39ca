namespace EditBot.Discord.Tests.Support;

public static class Cancel
{
    /// <summary>A generous bound so a hung test fails instead of hanging; never a speed assertion.</summary>
    public static CancellationToken After(int seconds = 60) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;
}
