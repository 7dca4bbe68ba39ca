namespace EditBot.Gmi.Downloads;

/// <summary>Raised inside the connect callback when a host resolves only to addresses a download must not reach.</summary>
public sealed class NonPublicAddressException : IOException
{
    public NonPublicAddressException()
    {
    }

    public NonPublicAddressException(string message)
        : base(message)
    {
    }

    public NonPublicAddressException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
