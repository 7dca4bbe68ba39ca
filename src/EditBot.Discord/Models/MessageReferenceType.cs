namespace EditBot.Discord.Models;

/// <summary>
/// <see cref="MessageReference.Type"/>: a reply (the default, also when absent) or a forward. Discord's OpenAPI snapshot
/// lists only 0; the documentation and real payloads have 1 for forwards.
/// </summary>
public static class MessageReferenceType
{
    public const int Default = 0;
    public const int Forward = 1;
}
