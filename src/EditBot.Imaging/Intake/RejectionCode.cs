namespace EditBot.Imaging.Intake;

/// <summary>Why an input was refused. Values are stable: hosts may map them to metrics or translations.</summary>
public enum RejectionCode
{
    EmptyFile = 1,
    FileTooLarge = 2,
    TooManyPixels = 3,
    UnsupportedFormat = 4,
    DamagedFile = 5,
    InvalidSize = 6,
    MaskAspectMismatch = 7,
    MaskSelectsNothing = 8,
}
