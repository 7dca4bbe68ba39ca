using System.Net;

namespace EditBot.Discord.Rest;

/// <summary>
/// Discord answered with an error. Carries the HTTP status, Discord's JSON error <see cref="Code"/> (e.g. 50013
/// Missing Permissions, 10062 Unknown interaction) and message. The text names the route template, never the path,
/// so no webhook or interaction token ends up in logs.
/// </summary>
public sealed class DiscordApiException : Exception
{
    public DiscordApiException()
    {
    }

    public DiscordApiException(string message)
        : base(message)
    {
    }

    public DiscordApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DiscordApiException(string route, HttpStatusCode status, int code, string? discordMessage, string? errorsJson)
        : base(Describe(route, status, code, discordMessage, errorsJson))
    {
        Route = route;
        StatusCode = status;
        Code = code;
        DiscordMessage = discordMessage;
        ErrorsJson = errorsJson;
    }

    /// <summary>Method and route template, e.g. <c>POST /channels/{channel_id}/messages</c>.</summary>
    public string? Route { get; }

    public HttpStatusCode StatusCode { get; }

    /// <summary>Discord's JSON error code (0 when the body had none).</summary>
    public int Code { get; }

    public string? DiscordMessage { get; }

    /// <summary>The <c>errors</c> object (field-level details of a 400), as JSON text.</summary>
    public string? ErrorsJson { get; }

    public bool IsMissingPermissions => Code == DiscordErrorCodes.MissingPermissions || Code == DiscordErrorCodes.MissingAccess;

    private static string Describe(string route, HttpStatusCode status, int code, string? message, string? errors) =>
        $"Discord answered {(int)status} to {route}: {code} {message}" + (errors is null ? "" : " " + errors);
}
