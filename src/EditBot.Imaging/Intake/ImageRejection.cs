namespace EditBot.Imaging.Intake;

/// <summary>
/// A refused input. <see cref="Message"/> is written for the Discord user: it says what was wrong and what to do,
/// and contains nothing secret, so the host can show it as is (ephemerally).
/// </summary>
public sealed record ImageRejection(RejectionCode Code, InputKind Input, string Message) : IntakeResult;
