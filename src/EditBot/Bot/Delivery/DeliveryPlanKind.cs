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
    /// <summary>
    /// The bot can't post in the channel (a user install where it is no member): public follow-ups of the interaction
    /// (at most five), then the requester's DMs once the token would expire.
    /// </summary>
    Interaction,
}
