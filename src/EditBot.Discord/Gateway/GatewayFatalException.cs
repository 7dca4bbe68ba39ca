namespace EditBot.Discord.Gateway;

/// <summary>The gateway closed in a way reconnecting cannot fix; the message tells the operator what to change.</summary>
public sealed class GatewayFatalException : Exception
{
    public GatewayFatalException()
    {
    }

    public GatewayFatalException(string message)
        : base(message)
    {
    }

    public GatewayFatalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GatewayFatalException(int closeCode, int shardId)
        : base(GatewayCloseCodes.Explain(closeCode))
    {
        CloseCode = closeCode;
        ShardId = shardId;
    }

    public int? CloseCode { get; }

    public int? ShardId { get; }
}
