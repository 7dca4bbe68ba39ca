using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace EditBot.Discord.Events;

/// <summary>
/// The bounded queue between the transports (gateway shards, HTTP endpoint) and the handler pipeline. Bounded so
/// a burst slows the readers of the socket instead of growing memory without limit.
/// </summary>
public sealed class DiscordEventChannel
{
    private readonly Channel<DiscordEvent> _channel;

    public DiscordEventChannel(IOptions<DiscordOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _channel = Channel.CreateBounded<DiscordEvent>(new BoundedChannelOptions(options.Value.EventQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
    }

    public ChannelWriter<DiscordEvent> Writer => _channel.Writer;

    public ChannelReader<DiscordEvent> Reader => _channel.Reader;
}
