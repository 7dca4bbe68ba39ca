namespace EditBot.Composition;

/// <summary>A configuration problem found at start-up; its message is the one line the operator sees.</summary>
public sealed class StartupException : Exception
{
    public StartupException(string message)
        : base(message)
    {
    }

    public StartupException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public StartupException()
    {
    }
}
