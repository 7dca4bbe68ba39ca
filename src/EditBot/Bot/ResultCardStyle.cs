namespace EditBot.Bot;

/// <summary>How result messages are laid out (<see cref="BotExperienceOptions.ResultCards"/>).</summary>
public enum ResultCardStyle
{
    /// <summary>One Components V2 card per message: a container with a media gallery, a text display and the buttons.</summary>
    ComponentsV2,

    /// <summary>The files as attachments, notes as content, the buttons in an action row.</summary>
    Classic,
}
