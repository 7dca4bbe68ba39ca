namespace EditBot.Imaging.Intake;

/// <summary>The outcome of <see cref="ImageIntake.PrepareAsync"/>: a <see cref="PreparedEdit"/> or an <see cref="ImageRejection"/>.</summary>
public abstract record IntakeResult;
