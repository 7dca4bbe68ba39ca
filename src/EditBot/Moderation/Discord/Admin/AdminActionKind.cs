namespace EditBot.Moderation.Discord;

/// <summary>What an /editbot-admin invocation asks for.</summary>
public enum AdminActionKind
{
    ShowSettings,
    ShowBlocklist,
    ShowUsage,
    ChangeSettings,
    ResetSettings,

    /// <summary>The invocation cannot be carried out as given; <see cref="AdminAction.Message"/> says why.</summary>
    Invalid,
}
