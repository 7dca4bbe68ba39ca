using System.Text;
using EditBot.Discord.Events;

namespace EditBot.Discord.Tests.Events;

/// <summary>The Discord layer hands the bot typed events; the bot no longer switches on dispatch names.</summary>
public sealed class DiscordEventDecoderTests
{
    private static DiscordEvent Event(string type, string json) => new(type, Encoding.UTF8.GetBytes(json), 0);

    [Fact]
    public void Ready_becomes_a_typed_event_with_the_bot_and_application_ids()
    {
        var decoded = DiscordEventDecoder.Decode(Event(DiscordEventNames.Ready, """{"v":10,"user":{"id":"42","username":"bot"},"application":{"id":"7"}}"""));

        Assert.Equal(new ReadyEvent(42, 7), decoded);
    }

    [Fact]
    public void An_interaction_becomes_a_typed_event_that_keeps_its_source_for_the_http_reply()
    {
        var source = Event(DiscordEventNames.InteractionCreate, """{"id":"11","application_id":"7","type":1,"token":"t","version":1}""");

        var decoded = Assert.IsType<InteractionCreatedEvent>(DiscordEventDecoder.Decode(source));

        Assert.Equal(11UL, decoded.Interaction.Id);
        Assert.Same(source, decoded.Source);
    }

    [Fact]
    public void A_message_becomes_a_typed_event_and_a_dispatch_the_bot_ignores_decodes_to_nothing()
    {
        var message = DiscordEventDecoder.Decode(Event(DiscordEventNames.MessageCreate, """{"id":"5","channel_id":"6","content":"hi","author":{"id":"9","username":"a"}}"""));

        Assert.Equal(5UL, Assert.IsType<MessageCreatedEvent>(message).Message.Id);
        Assert.Null(DiscordEventDecoder.Decode(Event("GUILD_CREATE", "{}")));
    }
}
