namespace EditBot.Bot.Delivery;

/// <summary>Where results go. <see cref="Reason"/> is shown to people when results are not threaded where expected.</summary>
public sealed record DeliveryPlan(DeliveryPlanKind Kind, ulong ChannelId, ulong? AnchorMessageId, string? Reason = null)
{
    /// <summary>Results go through the interaction's webhook (then DMs), never a channel route.</summary>
    public bool ThroughInteraction => Kind is DeliveryPlanKind.Private or DeliveryPlanKind.Interaction;
}
