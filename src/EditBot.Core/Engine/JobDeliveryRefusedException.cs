namespace EditBot.Core.Engine;

/// <summary>
/// Thrown by an <see cref="IJobDelivery"/> when the destination refused for good (the person closed their DMs, the
/// bot was removed): retrying cannot help, and each retry would only add a refused request against the service's
/// invalid-request limits. The job fails at once with <see cref="Exception.Message"/>, which is written for the person.
/// </summary>
public sealed class JobDeliveryRefusedException : Exception
{
    public JobDeliveryRefusedException()
    {
    }

    public JobDeliveryRefusedException(string message)
        : base(message)
    {
    }

    public JobDeliveryRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
