using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EditBot.TestSupport.Gmi;

/// <summary>Builds the fake's Kestrel app: 127.0.0.1 on a free port, a request log, and the routes.</summary>
internal static class FakeGmiHost
{
    public static WebApplication Build(FakeGmiServer server, Action<FakeGmiLogEntry> log)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Limits.MaxRequestBodySize = 256L * 1024 * 1024;
        });
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            finally
            {
                var request = context.Request;
                log(new FakeGmiLogEntry(request.Method, request.Path + request.QueryString, context.Response.StatusCode,
                    context.RequestAborted.IsCancellationRequested, server.TimeProvider.GetUtcNow(), request.Headers.Authorization.ToString(),
                    request.Headers["X-Organization-ID"].ToString(), request.ContentType));
            }
        });
        new FakeGmiApiEndpoints(server).Map(app);
        new FakeGmiStorageEndpoints(server).Map(app);
        return app;
    }
}
