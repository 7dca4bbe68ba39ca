using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using EditBot.TestSupport.Discord;

namespace EditBot.Discord.Tests.Contract;

/// <summary>
/// The fake Discord answers a body that breaks the API description as Discord does (400 50035 with the field path in
/// Discord's nested errors), still records it, fails its disposal when nobody cleared it, and keeps the raw wire body.
/// Before issue 14 such bodies were answered 200 and only recorded; a test that never asked saw nothing.
/// </summary>
public sealed class FakeDiscordRefusalTests
{
    private const string Mentions = "\"allowed_mentions\": {\"parse\": []}";

    [Fact]
    public async Task An_unknown_field_is_answered_400_50035_naming_the_field_and_no_message_is_created()
    {
        await using var fake = await FakeDiscordWire.StartAsync();
        var channel = fake.AddChannel();

        using var response = await FakeDiscordWire.SendJsonAsync(fake, $"/channels/{channel.Id}/messages", $$"""{"content": "hi", "colour": 5, {{Mentions}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(50035, body["code"]!.GetValue<int>());
        Assert.Equal("Invalid Form Body", body["message"]!.GetValue<string>());
        Assert.Equal("UNKNOWN_FIELD", body["errors"]!["colour"]!["_errors"]![0]!["code"]!.GetValue<string>());
        Assert.Empty(fake.MessagesIn(channel.Id));
        Assert.Contains(fake.ContractViolations, v => v.Contains("$.colour: unknown field", StringComparison.Ordinal));
        fake.ClearContractViolations(); // sent wrong on purpose
    }

    [Fact]
    public async Task A_too_long_embed_title_is_named_in_Discords_nested_style()
    {
        await using var fake = await FakeDiscordWire.StartAsync();
        var channel = fake.AddChannel();
        var title = new string('t', 257);

        using var response = await FakeDiscordWire.SendJsonAsync(fake, $"/channels/{channel.Id}/messages", $$"""{"embeds": [{"title": "{{title}}"}], {{Mentions}}}""");

        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!;
        Assert.Equal("BASE_TYPE_MAX_LENGTH", errors["embeds"]!["0"]!["title"]!["_errors"]![0]!["code"]!.GetValue<string>());
        fake.ClearContractViolations(); // sent wrong on purpose
    }

    [Fact]
    public async Task A_violation_nobody_cleared_fails_the_disposal_of_the_fake()
    {
        var fake = await FakeDiscordWire.StartAsync();
        var channel = fake.AddChannel();
        using (await FakeDiscordWire.SendJsonAsync(fake, $"/channels/{channel.Id}/messages", $$"""{"content": "hi", "tts2": true, {{Mentions}}}"""))
        {
        }

        var failure = await Assert.ThrowsAsync<FakeDiscordContractException>(async () => await fake.DisposeAsync());

        Assert.Contains(failure.Violations, v => v.Contains("$.tts2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tests_see_each_multipart_part_and_the_raw_bytes_that_crossed_the_wire()
    {
        await using var fake = await FakeDiscordWire.StartAsync();
        var channel = fake.AddChannel();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3];
        using var form = new MultipartFormDataContent("edge-boundary");
        form.Add(new StringContent($$"""{"content": "x", "attachments": [{"id": "0", "filename": "a.png"}], {{Mentions}}}""", Encoding.UTF8, "application/json"), "payload_json");
        var file = new ByteArrayContent(png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "files[0]", "a.png");

        using var response = await FakeDiscordWire.SendAsync(fake, $"/channels/{channel.Id}/messages", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(fake.Requests, r => r.RouteKey == "POST /channels/{channel_id}/messages");
        Assert.Contains("--edge-boundary", Encoding.UTF8.GetString(request.RawBody), StringComparison.Ordinal);
        Assert.Collection(
            request.Parts,
            json => Assert.Equal(("payload_json", (string?)null, "application/json; charset=utf-8"), (json.Name, json.FileName, json.ContentType)),
            image =>
            {
                Assert.Equal(("files[0]", "a.png", "image/png"), (image.Name, image.FileName, image.ContentType));
                Assert.Equal(png, image.Bytes);
            });
    }

    [Fact]
    public async Task A_classic_message_with_six_action_rows_is_refused_though_the_description_allows_forty()
    {
        await using var fake = await FakeDiscordWire.StartAsync();
        var channel = fake.AddChannel();

        using var refused = await FakeDiscordWire.SendJsonAsync(fake, $"/channels/{channel.Id}/messages", $$"""{"content": "rows", "components": [{{Rows(6)}}], {{Mentions}}}""");
        using var accepted = await FakeDiscordWire.SendJsonAsync(fake, $"/channels/{channel.Id}/messages", $$"""{"content": "rows", "components": [{{Rows(5)}}], {{Mentions}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(50035, JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["code"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Single(fake.MessagesIn(channel.Id));
        Assert.Single(fake.ContractViolations, v => v.StartsWith("message components:", StringComparison.Ordinal));
        fake.ClearContractViolations(); // sent wrong on purpose
    }

    [Fact]
    public async Task Two_buttons_with_one_custom_id_in_a_classic_message_are_refused()
    {
        await using var fake = await FakeDiscordWire.StartAsync();
        var channel = fake.AddChannel();

        using var response = await FakeDiscordWire.SendJsonAsync(fake, $"/channels/{channel.Id}/messages", $$"""{"content": "twins", "components": [{{Row("same")}}, {{Row("same")}}], {{Mentions}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("custom_id values must be unique", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(fake.MessagesIn(channel.Id));
        Assert.Contains(fake.ContractViolations, v => v.Contains("custom_id values must be unique", StringComparison.Ordinal));
        fake.ClearContractViolations(); // sent wrong on purpose
    }

    private static string Rows(int count) => string.Join(", ", Enumerable.Range(1, count).Select(i => Row($"b{i}")));

    private static string Row(string customId) => $$"""{"type": 1, "components": [{"type": 2, "style": 2, "label": "x", "custom_id": "{{customId}}"}]}""";
}
