using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using EditBot.Core.Jobs;
using EditBot.TestSupport.Discord;
using EditBot.TestSupport.Discord.Inject;
using EditBot.TestSupport.Gmi;

namespace EditBot.Benchmarks.EndToEnd;

/// <summary>
/// The round trips a path cannot do without, one after another: what the path would take if the bot added nothing and
/// did nothing at once. Each is timed by a plain HttpClient against the same fake endpoint the bot used, with the body
/// the bot sent, right after the sample. Delivery: the results' downloads side by side (first GETs, which the fake
/// answers by rendering each PNG, as it did for the bot), one thread create, the upload of the results message, the final edit.
/// Intake: the deferred answer, the attachment download, the submit.
/// </summary>
internal sealed class Floor(FakeDiscordServer discord, FakeGmiServer gmi) : IDisposable
{
    private const string UserAgent = "DiscordBot (https://github.com/editbot/floor, 1.0)";
    private readonly HttpClient _http = new();
    private ulong _nextInteractionId = 1_500_000_000_000_000_000;

    /// <returns>Milliseconds of the download, thread create, upload and final edit.</returns>
    public async Task<double[]> DeliveryAsync(InteractionOrigin origin, Job job)
    {
        var request = gmi.Requests.Single(r => r.RequestId == job.RemoteRequestId);
        gmi.ForgetRenderedMedia(request.RequestId);
        // Every result, side by side, as the bot must fetch them all: on a 2-core machine the fake's rendering of four
        // PNGs is most of this, and a single GET would hide it.
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, request.N).Select(i =>
            TimeAsync(() => new HttpRequestMessage(HttpMethod.Get, new Uri(gmi.Root, $"/media/{request.RequestId}/{i}.png")))));
        var download = clock.Elapsed.TotalMilliseconds;

        // A new channel each time: the fake's thread bucket is per channel, and the bot's own channel keeps its own.
        var channel = discord.AddChannel(type: 0);
        var anchor = discord.AddMessage(channel.Id, byBot: true);
        var threadBody = new JsonObject { ["name"] = "floor", ["auto_archive_duration"] = 1440 }.ToJsonString();
        string? threadAnswer = null;
        var thread = await TimeAsync(
            () => Discord(HttpMethod.Post, $"channels/{anchor.ChannelId}/messages/{anchor.Id}/threads", Encoding.UTF8.GetBytes(threadBody), "application/json"),
            answer => threadAnswer = answer);
        var threadId = JsonNode.Parse(threadAnswer!)!["id"]!.GetValue<string>();

        var resultsThread = discord.GetInteraction(origin.Token)!.OriginalMessageId!.Value; // the thread id is its message's
        var post = discord.Requests.Last(r => r.Method == "POST" && r.Path.EndsWith($"/channels/{resultsThread}/messages", StringComparison.Ordinal));
        var upload = await TimeAsync(() => Discord(HttpMethod.Post, $"channels/{threadId}/messages", post.RawBody, post.ContentType!));

        var edit = discord.Requests.Last(r => r.Method == "PATCH" && r.Path.Contains(origin.Token, StringComparison.Ordinal));
        var final = await TimeAsync(() => Discord(HttpMethod.Patch, edit.Path["/api/v10/".Length..], edit.RawBody, edit.ContentType!));
        return [download, thread, upload, final];
    }

    /// <returns>Milliseconds of the deferred answer, the attachment download and the submit, together.</returns>
    public async Task<double> IntakeAsync(FakeAttachment image, Job job)
    {
        var id = _nextInteractionId++;
        var token = "floor-" + id.ToString(CultureInfo.InvariantCulture);
        discord.RegisterInteraction(id, token, ulong.Parse(InteractionOrigin.DefaultChannelId, CultureInfo.InvariantCulture));
        var defer = await TimeAsync(() => Discord(HttpMethod.Post, $"interactions/{id}/{token}/callback", Encoding.UTF8.GetBytes("{\"type\":5}"), "application/json"));
        var download = await TimeAsync(() => new HttpRequestMessage(HttpMethod.Get, image.Url));

        // The bot's submit again (the fake accepts it as another request, never downloaded).
        var submitted = gmi.Requests.Single(r => r.RequestId == job.RemoteRequestId);
        var submit = await TimeAsync(() =>
        {
            var message = new HttpRequestMessage(HttpMethod.Post, gmi.BaseUrl.TrimEnd('/') + "/requests")
            {
                Content = new StringContent(submitted.RawBody, Encoding.UTF8, "application/json"),
            };
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", FakeGmiServer.DefaultApiKey);
            return message;
        });
        return defer + download + submit;
    }

    public void Dispose() => _http.Dispose();

    private HttpRequestMessage Discord(HttpMethod method, string path, byte[] body, string contentType)
    {
        var message = new HttpRequestMessage(method, new Uri(discord.ApiBaseUrl + "/" + path));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bot", discord.Token);
        message.Headers.UserAgent.ParseAdd(UserAgent);
        message.Content = new ByteArrayContent(body);
        message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return message;
    }

    /// <summary>Sends the request and reads the whole answer; the milliseconds from the send to the last byte.</summary>
    private async Task<double> TimeAsync(Func<HttpRequestMessage> build, Action<string>? answer = null)
    {
        using var request = build();
        var clock = Stopwatch.StartNew();
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Floor: {request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)}");
        }

        answer?.Invoke(Encoding.UTF8.GetString(bytes));
        return elapsed;
    }
}
