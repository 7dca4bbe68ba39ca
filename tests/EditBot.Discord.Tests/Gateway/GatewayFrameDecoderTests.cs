using System.Text;
using System.Text.Json;
using EditBot.Discord.Gateway;

namespace EditBot.Discord.Tests.Gateway;

public sealed class GatewayFrameDecoderTests
{
    [Fact]
    public void Dispatch_frame_gives_opcode_sequence_name_and_the_exact_payload_bytes()
    {
        var frame = Encoding.UTF8.GetBytes("""{"t":"MESSAGE_CREATE","s":42,"op":0,"d":{"id":"1","nested":{"a":[1,2,{"b":"}"}]}}}""");

        var decoded = GatewayFrameDecoder.Decode(frame);

        Assert.Equal(GatewayOpcode.Dispatch, decoded.Opcode);
        Assert.Equal(42, decoded.Sequence);
        Assert.Same("MESSAGE_CREATE", decoded.EventName);
        Assert.Equal("""{"id":"1","nested":{"a":[1,2,{"b":"}"}]}}""", Encoding.UTF8.GetString(decoded.Data(frame)));
    }

    [Fact]
    public void Control_frames_have_no_sequence_or_name()
    {
        var frame = """{"op":9,"d":true,"s":null,"t":null}"""u8.ToArray();

        var decoded = GatewayFrameDecoder.Decode(frame);

        Assert.Equal(GatewayOpcode.InvalidSession, decoded.Opcode);
        Assert.Null(decoded.Sequence);
        Assert.Null(decoded.EventName);
        Assert.Equal("true", Encoding.UTF8.GetString(decoded.Data(frame)));
    }

    [Fact]
    public void Unknown_event_names_are_read_too()
    {
        var decoded = GatewayFrameDecoder.Decode("""{"op":0,"s":3,"t":"SOME_NEW_EVENT","d":{}}"""u8);

        Assert.Equal("SOME_NEW_EVENT", decoded.EventName);
    }

    [Fact]
    public void Frame_without_opcode_is_rejected() =>
        Assert.Throws<JsonException>(() => GatewayFrameDecoder.Decode("""{"d":{}}"""u8));
}
