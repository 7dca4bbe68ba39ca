using System.Net.Http.Headers;
using System.Text;
using EditBot.TestSupport.Discord;

namespace EditBot.Discord.Tests.Contract;

/// <summary>Raw requests to the fake Discord, as a client would send them, for tests of the fake's own rules.</summary>
internal static class FakeDiscordWire
{
    public static async Task<FakeDiscordServer> StartAsync()
    {
        var fake = new FakeDiscordServer();
        await fake.StartAsync();
        return fake;
    }

    public static Task<HttpResponseMessage> SendJsonAsync(FakeDiscordServer fake, string path, string json) =>
        SendAsync(fake, path, new StringContent(json, Encoding.UTF8, "application/json"));

    public static async Task<HttpResponseMessage> SendAsync(FakeDiscordServer fake, string path, HttpContent content)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, fake.ApiBaseUrl + path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", fake.Token);
        request.Headers.UserAgent.ParseAdd("DiscordBot (https://example.com, 1.0)");
        return await http.SendAsync(request);
    }
}
