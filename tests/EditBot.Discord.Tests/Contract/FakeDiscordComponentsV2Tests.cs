using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using EditBot.TestSupport.Discord;

namespace EditBot.Discord.Tests.Contract;

/// <summary>
/// The fake takes Components V2 messages (flag 1 &lt;&lt; 15) as Discord does and refuses what Discord refuses beyond the
/// OpenAPI schema, which accepts a container without the flag and content beside one. Before issue 13 the fake had no
/// V2 rule at all: each refused body below was stored as a message.
/// </summary>
public sealed class FakeDiscordComponentsV2Tests
{
    private const int V2 = 1 << 15;
    private const string Mentions = "\"allowed_mentions\": {\"parse\": []}";

    [Fact]
    public async Task A_card_showing_its_upload_in_a_gallery_is_stored_with_the_files_url_resolved()
    {
        await using var fake = await FakeDiscordWire.StartAsync();
        var channel = fake.AddChannel();

        using var response = await PostWithFileAsync(fake, channel.Id, Card("attachment://a.png"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(fake.MessagesIn(channel.Id));
        Assert.True(message.IsComponentsV2);
        Assert.Equal("hello", message.Text);
        var media = message.Components[0]!["components"]![0]!["items"]![0]!["media"]!;
        Assert.Equal(message.Attachments[0].Url.AbsoluteUri, media["url"]!.GetValue<string>());
        Assert.Equal(message.Attachments[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), media["attachment_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Content_beside_the_flag_is_refused_even_when_empty()
    {
        await using var fake = await FakeDiscordWire.StartAsync();
        var channel = fake.AddChannel();

        using var response = await PostWithFileAsync(fake, channel.Id, Card("attachment://a.png", extra: "\"content\": \"hi\","));
        await AssertRefusedAsync(fake, response, "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2");
        using var empty = await PostWithFileAsync(fake, channel.Id, Card("attachment://a.png", extra: "\"content\": \"\", \"embeds\": [],"));

        await AssertRefusedAsync(fake, empty, "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2");
        Assert.Empty(fake.MessagesIn(channel.Id));
    }

    [Fact]
    public async Task A_container_without_the_flag_is_refused()
    {
        await using var fake = await FakeDiscordWire.StartAsync();
        var channel = fake.AddChannel();

        using var response = await FakeDiscordWire.SendJsonAsync(fake, $"/channels/{channel.Id}/messages",
            $$"""{"components": [{"type": 17, "components": [{"type": 10, "content": "hello"}]}], {{Mentions}}}""");

        await AssertRefusedAsync(fake, response, "needs the IS_COMPONENTS_V2 flag");
        Assert.Empty(fake.MessagesIn(channel.Id));
    }

    [Fact]
    public async Task An_upload_no_component_shows_and_a_reference_to_a_missing_file_are_refused()
    {
        await using var fake = await FakeDiscordWire.StartAsync();
        var channel = fake.AddChannel();

        using var hidden = await PostWithFileAsync(fake, channel.Id, $$"""{"flags": {{V2}}, "components": [{"type": 10, "content": "no gallery"}], {{Mentions}}, "attachments": [{"id": "0", "filename": "a.png"}]}""");
        await AssertRefusedAsync(fake, hidden, "a.png is uploaded but no component shows it");
        using var missing = await PostWithFileAsync(fake, channel.Id, Card("attachment://b.png"));

        await AssertRefusedAsync(fake, missing, "attachment://b.png is not a file of this message");
        Assert.Empty(fake.MessagesIn(channel.Id));
    }

    [Fact]
    public async Task More_than_forty_components_counting_nested_ones_are_refused()
    {
        await using var fake = await FakeDiscordWire.StartAsync();
        var channel = fake.AddChannel();
        // One container and 8 rows of 4 buttons: 41 components, though the top level holds one.
        var rows = string.Join(",", Enumerable.Range(0, 8).Select(r => "{\"type\": 1, \"components\": [" + string.Join(",",
            Enumerable.Range(0, 4).Select(b => $$"""{"type": 2, "style": 2, "label": "b", "custom_id": "b{{r}}-{{b}}"}""")) + "]}"));

        using var response = await FakeDiscordWire.SendJsonAsync(fake, $"/channels/{channel.Id}/messages",
            $$"""{"flags": {{V2}}, "components": [{"type": 17, "components": [{{rows}}]}], {{Mentions}}}""");

        await AssertRefusedAsync(fake, response, "this one has 41");
    }

    [Fact]
    public async Task A_fake_told_to_refuse_cards_answers_400_50035()
    {
        await using var fake = await FakeDiscordWire.StartAsync();
        fake.RefuseComponentsV2 = true;
        var channel = fake.AddChannel();

        using var response = await PostWithFileAsync(fake, channel.Id, Card("attachment://a.png"));

        await AssertRefusedAsync(fake, response, "IS_COMPONENTS_V2 is not available here", recorded: false);
    }

    private static string Card(string url, string extra = "") =>
        $$$"""{{{{extra}}} "flags": {{{V2}}}, "components": [{"type": 17, "components": [{"type": 12, "items": [{"media": {"url": "{{{url}}}"}}]}, {"type": 10, "content": "hello"}]}], {{{Mentions}}}, "attachments": [{"id": "0", "filename": "a.png"}]}""";

    private static async Task<HttpResponseMessage> PostWithFileAsync(FakeDiscordServer fake, ulong channelId, string payload)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(payload, Encoding.UTF8, "application/json"), "payload_json");
        var file = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "files[0]", "a.png");
        return await FakeDiscordWire.SendAsync(fake, $"/channels/{channelId}/messages", form);
    }

    /// <param name="recorded">The refusal is counted as the sender's fault (a contract violation), cleared here since it was sent on purpose.</param>
    private static async Task AssertRefusedAsync(FakeDiscordServer fake, HttpResponseMessage response, string why, bool recorded = true)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(50035, JsonNode.Parse(body)!["code"]!.GetValue<int>());
        Assert.True(body.Contains(why, StringComparison.Ordinal), body);
        Assert.Equal(recorded, fake.ContractViolations.Any(v => v.Contains(why, StringComparison.Ordinal)));
        fake.ClearContractViolations(); // sent wrong on purpose
    }
}
