using System.Net;

namespace EditBot.Gmi.Http;

/// <summary>A fully read HTTP answer.</summary>
internal sealed record GmiHttpAnswer(HttpStatusCode Status, string Body, TimeSpan? RetryAfter)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;
}
