using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using EditBot.TestSupport.Gmi.Contract;
using static EditBot.TestSupport.Gmi.FakeGmiFaultRunner;

namespace EditBot.TestSupport.Gmi;

/// <summary>POST/GET /requests and GET /models of the fake.</summary>
internal sealed class FakeGmiApiEndpoints(FakeGmiServer server)
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(FakeGmiServer.ApiPath + "/requests", SubmitAsync);
        app.MapGet(FakeGmiServer.ApiPath + "/requests/{id}", GetAsync);
        app.MapGet(FakeGmiServer.ApiPath + "/requests", ListAsync);
        app.MapGet(FakeGmiServer.ApiPath + "/models", ListModelsAsync);
        app.MapGet(FakeGmiServer.ApiPath + "/models/{id}", GetModelAsync);
    }

    private async Task SubmitAsync(HttpContext context)
    {
        server.CountSubmitAttempt();
        var fault = server.TakeFault(FakeGmiRoute.Submit);
        if (await HandledBeforeAsync(context, fault, isSubmit: true) || !await server.AuthorizeAsync(context))
        {
            return;
        }

        // Strict: a JSON API behind a framework that binds by media type; a body sent as anything else is not read.
        if (!string.Equals(context.Request.ContentType?.Split(';')[0].Trim(), "application/json", StringComparison.OrdinalIgnoreCase))
        {
            await RefuseAsync(context, [$"Content-Type must be application/json, got '{context.Request.ContentType}'"]);
            return;
        }

        var raw = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
        server.RecordSubmitBody(raw);
        JsonObject? body;
        try
        {
            body = JsonNode.Parse(raw) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        // GMI's contract (gmi-submit.schema.json): a violation is answered 400 {"error": "..."} as GMI answers a bad payload.
        IReadOnlyList<string> violations = body is null ? ["$: the body is not a JSON object"] : GmiSubmitContract.Validate(JsonSerializer.SerializeToElement(body));
        if (violations.Count > 0)
        {
            await RefuseAsync(context, violations, MissingKeys(body));
            return;
        }

        var model = body!["model"]!.GetValue<string>();
        var payload = (JsonObject)body["payload"]!;
        if (!server.Models.ContainsKey(model))
        {
            await WriteJsonAsync(context, 404, JsonSerializer.Serialize(new { error = $"Model not found: {model}" }));
            return;
        }

        if (server.InsufficientCredits)
        {
            await WriteJsonAsync(context, 402, "{\"error\":\"Insufficient credits. Please top up your balance.\"}");
            return;
        }

        var (problems, imageFacts, maskFacts) = GmiSubmitSemantics.Check(payload, server.Fetch);
        if (problems.Count > 0)
        {
            await RefuseAsync(context, problems);
            return;
        }

        var prompt = payload["prompt"]!.GetValue<string>();
        var image = payload["image"]!.GetValue<string>();
        var request = new FakeGmiRequest(Guid.NewGuid().ToString(), model, prompt, image, Text(payload, "mask"), Text(payload, "size") ?? "1024x1024",
            Text(payload, "quality") ?? "medium", payload["n"]?.GetValue<int>() ?? 1, server.TimeProvider.GetUtcNow(), TimeSpan.Zero,
            server.StatusSequence, fault?.Kind == FakeGmiFaultKind.FailWith ? fault.Text : null)
        { Payload = payload.ToJsonString(), RawBody = raw, ImageFacts = imageFacts, MaskFacts = maskFacts, Sequence = server.NextSequence() };
        request.Duration = server.ZeroLatency ? TimeSpan.Zero : server.Duration(request);
        server.Store.Requests[request.RequestId] = request;
        server.CountAccepted(prompt);

        await server.SubmitHold.PassAsync(context.RequestAborted);
        switch (fault?.Kind)
        {
            case FakeGmiFaultKind.AcceptThenDrop:
                context.Abort();
                return;
            case FakeGmiFaultKind.AcceptThenFail:
                await WriteJsonAsync(context, fault.StatusCode, $"{{\"error\":\"injected {fault.StatusCode} after acceptance\"}}");
                return;
            case FakeGmiFaultKind.MalformedJson:
                await WriteJsonAsync(context, 200, BrokenJson);
                return;
            default:
                await WriteJsonAsync(context, 200, Record(request).ToJsonString());
                return;
        }
    }

    private async Task GetAsync(HttpContext context, string id)
    {
        if (await HandledBeforeAsync(context, server.TakeFault(FakeGmiRoute.GetRequest), isSubmit: false) || !await server.AuthorizeAsync(context))
        {
            return;
        }

        if (!server.Store.Requests.TryGetValue(id, out var request))
        {
            await WriteJsonAsync(context, 404, "{\"error\":\"Request not found\"}");
            return;
        }

        await WriteJsonAsync(context, 200, Record(request).ToJsonString());
    }

    private async Task ListAsync(HttpContext context)
    {
        if (await HandledBeforeAsync(context, server.TakeFault(FakeGmiRoute.ListRequests), isSubmit: false) || !await server.AuthorizeAsync(context))
        {
            return;
        }

        // GMI documents `{requests, total}` and no paging: the strict side is a list that holds at most one page (the
        // first ListPageSize records, newest first unless a test says otherwise) while `total` counts them all, with no way
        // to read the rest unless a test turns paging on.
        var (page, pageSize) = server.ListHonoursPaging ? (PositiveQuery(context, "page", 1), PositiveQuery(context, "page_size", server.ListPageSize)) : (1, server.ListPageSize);
        if (page is null || pageSize is null)
        {
            await WriteJsonAsync(context, 400, "{\"error\":\"page and page_size must be positive integers\"}");
            return;
        }

        string? model = context.Request.Query["model_id"];
        var matching = server.Requests.Where(r => model is null || r.Model == model).OrderBy(r => server.ListNewestFirst ? -r.Sequence : r.Sequence).ToList();
        var size = Math.Min(pageSize.Value, server.ListPageSize);
        var records = matching.Skip((page.Value - 1) * size).Take(size).Select(r => (JsonNode)Record(r));
        var list = new JsonObject { ["requests"] = new JsonArray([.. records]), ["total"] = matching.Count };
        await WriteJsonAsync(context, 200, list.ToJsonString());
    }

    /// <summary>An absent parameter takes its default; a present one must be a positive integer (else null).</summary>
    private static int? PositiveQuery(HttpContext context, string name, int absent)
    {
        string? text = context.Request.Query[name];
        return text is null ? absent
            : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
    }

    private async Task ListModelsAsync(HttpContext context)
    {
        if (await HandledBeforeAsync(context, server.TakeFault(FakeGmiRoute.Models), isSubmit: false) || !await server.AuthorizeAsync(context))
        {
            return;
        }

        var ids = new JsonArray([.. server.Models.Keys.Order(StringComparer.Ordinal).Select(k => (JsonNode)JsonValue.Create(k))]);
        await WriteJsonAsync(context, 200, new JsonObject { [server.ModelListKey] = ids }.ToJsonString());
    }

    private async Task GetModelAsync(HttpContext context, string id)
    {
        if (await HandledBeforeAsync(context, server.TakeFault(FakeGmiRoute.Models), isSubmit: false) || !await server.AuthorizeAsync(context))
        {
            return;
        }

        if (!server.Models.TryGetValue(id, out var price))
        {
            await WriteJsonAsync(context, 404, "{\"error\":\"Model not found\"}");
            return;
        }

        var model = new JsonObject
        {
            ["id"] = id,
            ["price_info"] = new JsonObject { ["price"] = price, ["pricing_type"] = "per_image", ["unit"] = "image" },
            ["parameters"] = JsonNode.Parse("""
                [{"name":"prompt","type":"string","required":true},{"name":"image","type":"string","required":true},
                 {"name":"mask","type":"string"},{"name":"size","type":"enum","values":["1024x1024","1024x1536","1536x1024"]},
                 {"name":"quality","type":"enum","values":["low","medium","high","auto"]},{"name":"n","type":"integer","min":1,"max":10}]
                """),
        };
        await WriteJsonAsync(context, 200, model.ToJsonString());
    }

    private async Task RefuseAsync(HttpContext context, IReadOnlyList<string> violations, string? missing = null)
    {
        server.RecordViolations(violations);
        var reason = string.Join("; ", missing is null ? violations : violations.Prepend(missing));
        await WriteJsonAsync(context, 400, JsonSerializer.Serialize(new { error = "Invalid payload: " + reason }));
    }

    // GMI's 400 names the missing keys ("Missing required keys: prompt"); an empty string counts as missing (strict).
    private static string? MissingKeys(JsonObject? body)
    {
        var payload = body?["payload"] as JsonObject;
        var missing = new[] { "prompt", "image" }.Where(k => payload is not null && Text(payload, k) is null or "").ToList();
        if (body is not null && Text(body, "model") is null or "")
        {
            missing.Insert(0, "model");
        }

        return missing.Count == 0 ? null : "Missing required keys: " + string.Join(", ", missing);
    }

    private JsonObject Record(FakeGmiRequest request) =>
        FakeGmiRecordWriter.Write(request, server.TimeProvider.GetUtcNow(), server.Root, server.OutcomeShape);

    private static string? Text(JsonObject? payload, string key) =>
        payload?[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
