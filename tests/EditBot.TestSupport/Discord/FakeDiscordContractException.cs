namespace EditBot.TestSupport.Discord;

/// <summary>Requests to the fake broke Discord's API contract; the message lists each violation.</summary>
public sealed class FakeDiscordContractException : Exception
{
    public FakeDiscordContractException()
    {
    }

    public FakeDiscordContractException(string message)
        : base(message)
    {
    }

    public FakeDiscordContractException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FakeDiscordContractException(IReadOnlyList<string> violations)
        : base($"{violations?.Count} contract violation(s):{Environment.NewLine}" + string.Join(Environment.NewLine, violations ?? []))
    {
        Violations = violations ?? [];
    }

    public IReadOnlyList<string> Violations { get; } = [];
}
