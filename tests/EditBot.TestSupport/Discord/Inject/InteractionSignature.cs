namespace EditBot.TestSupport.Discord.Inject;

/// <summary>How <see cref="SignedInteractionSender"/> signs a request.</summary>
public enum InteractionSignature
{
    /// <summary>A correct signature with the sender's key.</summary>
    Valid,

    /// <summary>A well-formed signature over different bytes (Discord's own endpoint check does this).</summary>
    Tampered,

    /// <summary>Signed with another key than the one the endpoint knows.</summary>
    WrongKey,

    /// <summary>No signature headers at all.</summary>
    Missing,
}
