using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static EditBot.TestSupport.Gmi.FakeGmiFaultRunner;

namespace EditBot.TestSupport.Gmi;

/// <summary>upload-url, the presigned PUT target, uploaded objects, rendered result media and static objects.</summary>
internal sealed class FakeGmiStorageEndpoints(FakeGmiServer server)
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(FakeGmiServer.ApiPath + "/upload-url", CreateUploadUrlAsync);
        app.MapPut("/upload/{token}", PutAsync);
        app.MapGet("/objects/{token}", GetObjectAsync);
        app.MapGet("/media/{id}/{index:int}.png", GetMediaAsync);
        app.MapGet("/static/{**name}", GetStaticAsync);
    }

    private async Task CreateUploadUrlAsync(HttpContext context)
    {
        if (await HandledBeforeAsync(context, server.TakeFault(FakeGmiRoute.UploadUrl), isSubmit: false) || !await server.AuthorizeAsync(context))
        {
            return;
        }

        string? fileType = null;
        try
        {
            fileType = (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))?["file_type"]?.GetValue<string>();
        }
        catch (JsonException)
        {
            // Answered as a missing file_type below.
        }

        if (fileType is null)
        {
            await WriteJsonAsync(context, 400, "{\"error\":\"Missing required keys: file_type\"}");
            return;
        }

        // Strict: only the formats the model takes get a slot; the real service's answer to others is unknown.
        var contentType = fileType switch { "png" => "image/png", "jpg" or "jpeg" => "image/jpeg", "webp" => "image/webp", _ => null };
        if (contentType is null)
        {
            server.RecordViolations([$"upload-url: file_type '{fileType}' is not png, jpg, jpeg or webp"]);
            await WriteJsonAsync(context, 400, "{\"error\":\"Unsupported file_type\"}");
            return;
        }

        var token = Guid.NewGuid().ToString("N");
        var signature = Guid.NewGuid().ToString("N");
        var publicUrl = new Uri(server.Root, $"/objects/{token}.{fileType}").ToString();
        server.Store.Uploads[token] = new FakeGmiUpload(token, contentType, signature, publicUrl, server.TimeProvider.GetUtcNow() + server.UploadUrlLifetime);
        var uploadUrl = new Uri(server.Root, $"/upload/{token}?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Signature={signature}&X-Goog-SignedHeaders=content-type%3Bhost");
        await WriteJsonAsync(context, 200, new JsonObject { ["upload_url"] = uploadUrl.ToString(), ["public_url"] = publicUrl }.ToJsonString());
    }

    private async Task PutAsync(HttpContext context, string token)
    {
        if (await HandledBeforeAsync(context, server.TakeFault(FakeGmiRoute.UploadPut), isSubmit: false))
        {
            return;
        }

        await server.UploadHold.PassAsync(context.RequestAborted);
        // Like a signed storage URL: the signature and the exact Content-Type must match what was signed.
        if (!server.Store.Uploads.TryGetValue(token, out var upload) || context.Request.Query["X-Goog-Signature"] != upload.Signature
            || context.Request.ContentType != upload.ContentType)
        {
            context.Response.StatusCode = 403;
            context.Response.ContentType = "application/xml";
            await context.Response.WriteAsync("<Error><Code>SignatureDoesNotMatch</Code></Error>", context.RequestAborted);
            return;
        }

        if (server.TimeProvider.GetUtcNow() > upload.ExpiresAt)
        {
            context.Response.StatusCode = 400;
            context.Response.ContentType = "application/xml";
            await context.Response.WriteAsync("<Error><Code>ExpiredToken</Code><Message>The provided token has expired.</Message></Error>", context.RequestAborted);
            return;
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        upload.Content = buffer.ToArray();
        context.Response.StatusCode = 200;
    }

    private async Task GetObjectAsync(HttpContext context, string token)
    {
        if (await HandledBeforeAsync(context, server.TakeFault(FakeGmiRoute.Media), isSubmit: false))
        {
            return;
        }

        var key = token.Split('.')[0];
        if (!server.Store.Uploads.TryGetValue(key, out var upload) || upload.Content is not { } content)
        {
            context.Response.StatusCode = 404;
            return;
        }

        await WriteBytesAsync(context, content, upload.ContentType);
    }

    private async Task GetMediaAsync(HttpContext context, string id, int index)
    {
        if (await HandledBeforeAsync(context, server.TakeFault(FakeGmiRoute.Media), isSubmit: false))
        {
            return;
        }

        await server.MediaHold.PassAsync(context.RequestAborted);
        var now = server.TimeProvider.GetUtcNow();
        if (!server.Store.Requests.TryGetValue(id, out var request) || !request.IsTerminalAt(now) || request.FailureText is not null || index < 0 || index >= request.N)
        {
            context.Response.StatusCode = 404;
            return;
        }

        if (now - (request.CreatedAt + request.Duration) > server.MediaLifetime)
        {
            context.Response.StatusCode = 404;
            context.Response.ContentType = "application/xml";
            await context.Response.WriteAsync("<Error><Code>NoSuchKey</Code></Error>", context.RequestAborted);
            return;
        }

        var png = server.Store.RenderedMedia.GetOrAdd($"{id}/{index}", _ =>
        {
            if (server.Media is { } media)
            {
                return media(request, index);
            }

            var (width, height) = FakeGmiImageRenderer.ParseSize(request.Size);
            return FakeGmiImageRenderer.Render(width, height, index, StringComparer.Ordinal.GetHashCode(id));
        });
        await WriteBytesAsync(context, png, "image/png");
    }

    private async Task GetStaticAsync(HttpContext context, string name)
    {
        if (await HandledBeforeAsync(context, server.TakeFault(FakeGmiRoute.Media), isSubmit: false))
        {
            return;
        }

        if (!server.Store.Statics.TryGetValue(name, out var item))
        {
            context.Response.StatusCode = 404;
            return;
        }

        if (item.Location is { } location)
        {
            context.Response.StatusCode = item.StatusCode;
            context.Response.Headers.Location = location;
            return;
        }

        await WriteBytesAsync(context, item.Content, item.ContentType, item.Chunked);
    }

    private static async Task WriteBytesAsync(HttpContext context, byte[] content, string contentType, bool chunked = false)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = contentType;
        if (!chunked)
        {
            context.Response.ContentLength = content.Length;
            await context.Response.Body.WriteAsync(content, context.RequestAborted);
            return;
        }

        foreach (var piece in content.Chunk(1024))
        {
            await context.Response.Body.WriteAsync(piece, context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }
    }
}
