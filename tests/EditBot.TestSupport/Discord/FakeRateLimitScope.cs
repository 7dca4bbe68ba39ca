namespace EditBot.TestSupport.Discord;

public enum FakeRateLimitScope
{
    User,
    Global,
    Shared,
}
