namespace EditBot.Bot.Delivery;

public enum DeliveryPlanKind
{
    /// <summary>Start a public thread on the anchor message and post there.</summary>
    StartThread,
    /// <summary>Invoked inside a thread: post there (threads cannot nest).</summary>
    UseThread,
    /// <summary>Reply in the channel: DMs, or where a thread cannot be made (the reason says why).</summary>
    ReplyInChannel,
    /// <summary>/edit private:true: ephemeral follow-ups to the requester only.</summary>
    Private,
}
