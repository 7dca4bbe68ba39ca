namespace EditBot.Discord.Rest;

/// <summary>JSON error codes the bot reacts to.</summary>
public static class DiscordErrorCodes
{
    public const int UnknownChannel = 10003;
    public const int UnknownMessage = 10008;
    public const int UnknownWebhook = 10015;
    public const int UnknownInteraction = 10062;
    public const int MissingAccess = 50001;
    public const int MissingPermissions = 50013;
    public const int CannotSendToUser = 50007;
    public const int InvalidWebhookToken = 50027;
    public const int InteractionAlreadyAcknowledged = 40060;

    /// <summary>An interaction no server install authorized has used its five follow-up messages.</summary>
    public const int MaxFollowupsReached = 40094;
    public const int ThreadAlreadyCreated = 160004;

    /// <summary>400 Invalid Form Body: a field broke a rule (its <c>errors</c> say which).</summary>
    public const int InvalidFormBody = 50035;

    /// <summary>Posting in a locked thread without Manage Threads.</summary>
    public const int ThreadLocked = 160005;

    /// <summary>An operation on an archived thread that posting does not reopen.</summary>
    public const int ThreadArchived = 50083;
}
