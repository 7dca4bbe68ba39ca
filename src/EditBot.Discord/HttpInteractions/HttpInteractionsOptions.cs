using System.ComponentModel.DataAnnotations;

namespace EditBot.Discord.HttpInteractions;

/// <summary>Tuning of the interactions endpoint (section <c>Discord:HttpInteractions</c>).</summary>
public sealed class HttpInteractionsOptions
{
    public const string Section = "Discord:HttpInteractions";

    /// <summary>How long the endpoint waits for the handler's first answer before deferring (Discord allows 3 s in all).</summary>
    public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromMilliseconds(2500);

    /// <summary>Requests signed further than this from now are refused (replay protection).</summary>
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest request body accepted.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 4 * 1024 * 1024;
}
