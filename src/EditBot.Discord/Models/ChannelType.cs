namespace EditBot.Discord.Models;

/// <summary>Channel type numbers of API v10.</summary>
public static class ChannelType
{
    public const int GuildText = 0;
    public const int DirectMessage = 1;
    public const int GuildAnnouncement = 5;
    public const int AnnouncementThread = 10;
    public const int PublicThread = 11;
    public const int PrivateThread = 12;
    public const int GuildForum = 15;
    public const int GuildMedia = 16;
}
