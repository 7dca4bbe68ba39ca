using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using EditBot.TestSupport.Discord;
using EditBot.TestSupport.Discord.Contract;

namespace EditBot.Discord.Tests.Contract;

public sealed class ContractValidatorTests
{
    [Fact]
    public async Task A_wrong_body_is_recorded_as_a_violation_and_fails_the_assertion()
    {
        await using var fake = new FakeDiscordServer();
        await fake.StartAsync();
        var channel = fake.AddChannel();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, fake.ApiBaseUrl + $"/channels/{channel.Id}/messages")
        {
            // content must be a string; a button needs a style; a row holds at most 5 components
            Content = new StringContent(
                """{"content": 5, "allowed_mentions": {"parse": []}, "components": [{"type": 1, "components": [{"type": 2, "custom_id": "x"}]}]}""",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", fake.Token);
        request.Headers.UserAgent.ParseAdd("DiscordBot (https://example.com, 1.0)");

        await http.SendAsync(request);

        Assert.Contains(fake.ContractViolations, v => v.Contains("$.content: expected", StringComparison.Ordinal));
        Assert.Contains(fake.ContractViolations, v => v.Contains("$.components[0]", StringComparison.Ordinal));
        var failure = Assert.Throws<FakeDiscordContractException>(fake.AssertNoContractViolations);
        Assert.Contains("POST /channels/{channel_id}/messages", failure.Message);
        fake.ClearContractViolations(); // sent wrong on purpose
    }

    [Fact]
    public async Task Missing_allowed_mentions_and_a_plain_user_agent_are_violations()
    {
        await using var fake = new FakeDiscordServer();
        await fake.StartAsync();
        var channel = fake.AddChannel();
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", fake.Token);

        await http.PostAsync(fake.ApiBaseUrl + $"/channels/{channel.Id}/messages", new StringContent("""{"content":"hi"}""", Encoding.UTF8, "application/json"));

        Assert.Contains(fake.ContractViolations, v => v.Contains("allowed_mentions", StringComparison.Ordinal));
        Assert.Contains(fake.ContractViolations, v => v.Contains("User-Agent", StringComparison.Ordinal));
        fake.ClearContractViolations(); // sent wrong on purpose
    }

    [Theory]
    [InlineData("""{"type": 9, "data": {"custom_id": "m", "title": "Edit", "components": [{"type": 18, "label": "Prompt", "component": {"type": 4, "custom_id": "p", "style": 1}}]}}""", true)]
    [InlineData("""{"type": 9, "data": {"custom_id": "m", "components": []}}""", false)]
    [InlineData("""{"type": 5, "data": {"flags": 64}}""", true)]
    [InlineData("""{"type": "5"}""", false)]
    public void Interaction_callbacks_are_checked_against_the_union_of_callback_schemas(string body, bool valid)
    {
        using var document = JsonDocument.Parse(body);

        var violations = OpenApiContract.Discord.ValidateRequest("POST", "/interactions/1/tok/callback", "application/json", document.RootElement);

        Assert.Equal(valid, violations.Count == 0);
    }

    [Theory]
    [InlineData("""[{"name": "edit", "description": "Edit", "default_member_permissions": "32"}]""", true)]
    [InlineData("""[{"name": "edit", "description": "Edit", "options": [{"type": 11, "name": "image"}]}]""", false)]
    [InlineData("""[{"name": "", "description": "Edit"}]""", false)]
    public void Command_overwrites_are_checked_with_permission_strings_accepted_as_the_docs_say(string body, bool valid)
    {
        using var document = JsonDocument.Parse(body);

        var violations = OpenApiContract.Discord.ValidateRequest("PUT", "/applications/1/commands", "application/json", document.RootElement);

        Assert.Equal(valid, violations.Count == 0);
    }

    [Fact]
    public void Webhook_original_routes_prefer_the_literal_segment()
    {
        Assert.Equal("/webhooks/{webhook_id}/{webhook_token}/messages/@original", OpenApiContract.Discord.MatchTemplate("/webhooks/1/abc/messages/@original"));
        Assert.Equal("/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", OpenApiContract.Discord.MatchTemplate("/webhooks/1/abc/messages/22"));
    }
}
