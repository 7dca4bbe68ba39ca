namespace EditBot.Origin;

/// <summary>How a job was asked for; decides where its thread goes.</summary>
public enum EntryKind
{
    /// <summary>/edit: the thread starts on the bot's answer.</summary>
    Slash,
    /// <summary>Apps → Edit image: the thread starts on the target message.</summary>
    MessageCommand,
    /// <summary>A reply mentioning the bot: the thread starts on the mentioning message.</summary>
    Mention,
    /// <summary>Re-roll or Edit this on a result: like a slash command, answered where the button was.</summary>
    Button,
    /// <summary>Submitted from the mask editor's page: the bot posts the progress message; the thread goes where the link's entry point would put it.</summary>
    MaskEditor,
}
