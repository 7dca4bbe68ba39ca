using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace EditBot.TestSupport.Gmi;

/// <summary>Applies the route-independent part of a scripted fault before a call is handled.</summary>
internal static class FakeGmiFaultRunner
{
    public const string BrokenJson = "{\"request_id\": \"truncated";

    /// <summary>True when the fault answered (or dropped) the call and the handler must stop.</summary>
    public static async Task<bool> HandledBeforeAsync(HttpContext context, FakeGmiFault? fault, bool isSubmit)
    {
        switch (fault?.Kind)
        {
            case FakeGmiFaultKind.Status:
                if (fault.RetryAfter is { } after)
                {
                    context.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }
                else if (fault.RetryAfterDate is { } until)
                {
                    context.Response.Headers.RetryAfter = until.ToUniversalTime().ToString("R", CultureInfo.InvariantCulture);
                }

                await WriteJsonAsync(context, fault.StatusCode, fault.Body ?? $"{{\"error\":\"injected {fault.StatusCode}\"}}");
                return true;
            case FakeGmiFaultKind.Delay:
                // Real time on purpose: this fault exercises the client's own timeout; ends when the client gives up.
                try
                {
                    await Task.Delay(fault.Delay ?? TimeSpan.FromSeconds(30), context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return true;
                }

                return false;
            case FakeGmiFaultKind.Drop:
                context.Abort();
                return true;
            case FakeGmiFaultKind.MalformedJson when !isSubmit:
                await WriteJsonAsync(context, 200, BrokenJson);
                return true;
            default:
                return false;
        }
    }

    public static async Task WriteJsonAsync(HttpContext context, int statusCode, string json)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json, context.RequestAborted);
    }
}
