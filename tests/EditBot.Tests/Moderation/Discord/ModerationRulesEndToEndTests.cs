using System.Globalization;
using System.Text.Json.Nodes;
using EditBot.TestSupport.Discord.Inject;
using EditBot.Tests.Moderation.Discord.Support;
using Option = EditBot.TestSupport.Discord.Inject.CommandOption;

namespace EditBot.Tests.Moderation.Discord;

/// <summary>Each server rule, set through /editbot-admin, refusing one /edit and allowing another, in the real bot.</summary>
public sealed class ModerationRulesEndToEndTests
{
    private const string Role = "1300000000000000042";

    [Theory]
    [InlineData("deny-channel", "Edits are not allowed in this channel")]
    [InlineData("allow-channel", "Edits are only allowed in <#")]
    [InlineData("role", "Edits need one of these roles: <@&1300000000000000042>")]
    [InlineData("max-count", "Too many images: you asked for 2, this server allows at most 1 per edit")]
    [InlineData("max-quality", "Quality too high: you asked for high, this server allows at most medium")]
    [InlineData("user-daily", "Daily limit reached: 1/1 edits; resets at 00:00 UTC")]
    [InlineData("server-daily", "Server daily image limit reached: 1/1 images; resets at 00:00 UTC")]
    [InlineData("cooldown", "Cooldown: wait ")]
    public async Task A_rule_refuses_what_it_should_and_allows_the_rest(string rule, string refusal)
    {
        await using var bot = await ModerationBot.StartAsync();
        var other = bot.Discord.AddChannel(guildId: ModerationBot.Guild);
        var inOther = ModerationBot.Member with { ChannelId = other.Id.ToString(CultureInfo.InvariantCulture) };
        var withRole = ModerationBot.Member with { MemberRoles = [Role] };
        var (setting, refused, allowed) = rule switch
        {
            "deny-channel" => (Group("channels", "deny", Id("channel", ModerationBot.Channel)), Edit(bot), Edit(bot, inOther)),
            "allow-channel" => (Group("channels", "allow", Id("channel", other.Id)), Edit(bot), Edit(bot, inOther)),
            "role" => (Group("roles", "allow", Id("role", ulong.Parse(Role, CultureInfo.InvariantCulture))), Edit(bot), Edit(bot, withRole)),
            "max-count" => (Group("limits", "max-count", Option.Number("count", 1)), Edit(bot, count: 2), Edit(bot)),
            "max-quality" => (Group("limits", "max-quality", Option.Text("quality", "medium")), Edit(bot), Edit(bot, quality: "low")),
            "user-daily" => (Group("limits", "user-daily", Option.Number("edits", 1)), Edit(bot), Edit(bot, ModerationBot.Admin)),
            "server-daily" => (Group("limits", "server-daily", Option.Number("images", 1)), Edit(bot), Edit(bot, withRole)),
            _ => (Group("limits", "cooldown", Option.Number("seconds", 3600)), Edit(bot), Edit(bot, ModerationBot.Admin)),
        };
        Assert.StartsWith("Saved.", await bot.AdminAsync(ModerationBot.Admin, setting), StringComparison.Ordinal);
        if (rule is "user-daily" or "server-daily" or "cooldown")
        {
            // These count what was already asked for today: the first edit uses the allowance.
            Assert.Null(await bot.RefusalOfAsync(await Edit(bot)()));
        }

        Assert.StartsWith(refusal, await bot.RefusalOfAsync(await refused()), StringComparison.Ordinal);
        if (rule == "server-daily")
        {
            return; // The server's allowance is spent for everyone; the refusal above is the point.
        }

        Assert.Null(await bot.RefusalOfAsync(await allowed()));
    }

    private static Func<Task<JsonObject>> Edit(ModerationBot bot, InteractionOrigin? origin = null, string quality = "high", int count = 1) =>
        () => bot.EditAsync("a small change", origin, quality, count);

    private static Option Group(string group, string sub, params Option[] options) => Option.SubcommandGroup(group, Option.Subcommand(sub, options));

    private static Option Id(string name, ulong id) => new(name, 7, JsonValue.Create(id.ToString(CultureInfo.InvariantCulture)), [], null);
}
