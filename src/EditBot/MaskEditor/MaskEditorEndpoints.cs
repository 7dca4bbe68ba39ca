using EditBot.Bot;
using EditBot.Bot.Intake;
using EditBot.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EditBot.MaskEditor;

/// <summary>
/// The mask editor's routes: the page and its image under a signed link, the two static assets, and the submit. Every
/// answer carries a strict Content-Security-Policy (scripts and styles from this origin only, no framing), no referrer,
/// and no caching of anything under a link.
/// </summary>
public static class MaskEditorEndpoints
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    /// <summary>The sizes the page offers: those /edit checks against, auto first.</summary>
    private static readonly string[] Sizes = EditInputRules.Sizes;

    /// <summary>The qualities the page offers: those /edit checks against, auto first.</summary>
    private static readonly string[] Qualities = ["auto", .. EditInputRules.Qualities.Where(q => q != "auto")];

    public static IEndpointRouteBuilder MapMaskEditor(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var root = app.MapGroup(MaskEditorPaths.Root);
        root.MapGet("/assets/{name}", Asset);
        root.MapGet("/{token}", PageAsync);
        root.MapGet("/{token}/image", ImageAsync);
        root.MapPost("/{token}", SubmitAsync);
        return app;
    }

    private static IResult Asset(HttpContext context, string name, MaskEditorAssets assets, MaskEditorRateLimits limits)
    {
        Secure(context, cacheable: true);
        if (!limits.TryAcquire(Address(context), null))
        {
            return Results.StatusCode(StatusCodes.Status429TooManyRequests);
        }

        return assets.Static(name) is { } asset ? Results.Bytes(asset.Content, asset.ContentType) : Results.NotFound();
    }

    private static async Task<IResult> PageAsync(
        HttpContext context, string token, MaskLinkGate gate, MaskEditorAssets assets, MaskEditorRateLimits limits,
        IOptions<BotExperienceOptions> bot, CancellationToken cancellationToken)
    {
        Secure(context, cacheable: false);
        if (!limits.TryAcquire(Address(context), token))
        {
            return MessagePage(assets, 429, "Too many requests", "Too many requests for this page; wait a minute and reload.");
        }

        var opened = await gate.OpenAsync(token, cancellationToken);
        if (opened.Draft is not { } draft)
        {
            return MessagePage(assets, opened.Status, opened.Status == 404 ? "Link not valid" : "Link no longer usable", opened.Message);
        }

        var html = assets.Page(new
        {
            width = draft.Width,
            height = draft.Height,
            prompt = draft.Plan.Prompt,
            size = draft.Plan.Size ?? "auto",
            sizes = Sizes,
            quality = draft.Plan.Quality ?? "auto",
            qualities = Qualities,
            count = draft.Plan.Count,
            maxCount = EditInputRules.MaxCount,
            maxPromptLength = bot.Value.MaxPromptLength,
            image = token + "/image",
        });
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static async Task<IResult> ImageAsync(
        HttpContext context, string token, MaskLinkGate gate, IBlobStore blobs, MaskEditorRateLimits limits, CancellationToken cancellationToken)
    {
        Secure(context, cacheable: false);
        if (!limits.TryAcquire(Address(context), token))
        {
            return Results.StatusCode(StatusCodes.Status429TooManyRequests);
        }

        var opened = await gate.OpenAsync(token, cancellationToken);
        if (opened.Draft is not { } draft || await blobs.GetAsync(draft.ImageBlob, cancellationToken) is not { } blob)
        {
            return Results.StatusCode(opened.Draft is null ? opened.Status : StatusCodes.Status410Gone);
        }

        return Results.Bytes(blob.Content, draft.ImageMediaType);
    }

    private static async Task<IResult> SubmitAsync(
        HttpContext context, string token, MaskSubmission submission, MaskEditorRateLimits limits, IOptions<MaskEditorOptions> options,
        CancellationToken cancellationToken)
    {
        Secure(context, cacheable: false);
        if (!limits.TryAcquire(Address(context), token))
        {
            return Answer(new MaskSubmitAnswer(429, false, "Too many tries with this link; wait a minute and press Edit again."));
        }

        // The mask plus the text fields; anything larger is refused before it is read.
        var limit = options.Value.MaxMaskBytes + 64 * 1024;
        if (context.Request.ContentLength > limit)
        {
            return Answer(new MaskSubmitAnswer(413, false, $"That upload is too large; the mask may be at most {options.Value.MaxMaskBytes / 1024} KiB."));
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = limit;
        }

        if (!context.Request.HasFormContentType)
        {
            return Answer(new MaskSubmitAnswer(415, false, "Send the form as multipart/form-data with the mask as a PNG file."));
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(cancellationToken);
        }
        catch (Exception error) when (error is InvalidDataException or BadHttpRequestException or IOException)
        {
            return Answer(new MaskSubmitAnswer(400, false, "The form could not be read; reload the page and try again."));
        }

        byte[]? mask = null;
        if (form.Files.GetFile("mask") is { } file)
        {
            if (file.Length > options.Value.MaxMaskBytes)
            {
                return Answer(new MaskSubmitAnswer(413, false, $"The mask may be at most {options.Value.MaxMaskBytes / 1024} KiB."));
            }

            using var copy = new MemoryStream((int)file.Length);
            await file.CopyToAsync(copy, cancellationToken);
            mask = copy.ToArray();
        }

        var answer = await submission.SubmitAsync(
            token, new MaskSubmitForm(mask, form["prompt"], form["size"], form["quality"], form["count"]), cancellationToken);
        return Answer(answer);
    }

    private static IResult Answer(MaskSubmitAnswer answer) =>
        Results.Json(new { ok = answer.Ok, message = answer.Message, url = answer.Url }, MaskEditorJson.Options, statusCode: answer.Status);

    private static IResult MessagePage(MaskEditorAssets assets, int status, string heading, string message) =>
        Results.Content(assets.Message(heading, message), "text/html; charset=utf-8", statusCode: status);

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static void Secure(HttpContext context, bool cacheable)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers.CacheControl = cacheable ? "public, max-age=3600" : "no-store";
    }
}
