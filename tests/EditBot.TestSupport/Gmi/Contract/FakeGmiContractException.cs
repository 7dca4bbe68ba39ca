namespace EditBot.TestSupport.Gmi.Contract;

/// <summary>Thrown when the fake GMI is disposed after it refused submits that broke GMI's contract.</summary>
public sealed class FakeGmiContractException : Exception
{
    public FakeGmiContractException()
    {
    }

    public FakeGmiContractException(string message)
        : base(message)
    {
    }

    public FakeGmiContractException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FakeGmiContractException(IReadOnlyList<string> violations)
        : base("Submits broke GMI's contract (gmi-submit.schema.json):\n" + string.Join("\n", violations ?? []))
    {
        Violations = violations ?? [];
    }

    public IReadOnlyList<string> Violations { get; } = [];
}
