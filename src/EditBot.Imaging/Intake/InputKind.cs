namespace EditBot.Imaging.Intake;

/// <summary>Which of the user's files a rejection is about.</summary>
public enum InputKind
{
    Image,
    Mask,
}
