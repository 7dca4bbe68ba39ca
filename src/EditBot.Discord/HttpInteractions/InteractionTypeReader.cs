using System.Text.Json;

namespace EditBot.Discord.HttpInteractions;

/// <summary>Reads the top-level <c>type</c> (an <see cref="Models.InteractionType"/>) of an interaction body without parsing the rest.</summary>
internal static class InteractionTypeReader
{
    /// <summary>The interaction type, or null when the body is not an object with an integer <c>type</c>.</summary>
    public static int? Read(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isType = reader.ValueTextEquals("type"u8);
                reader.Read();
                if (isType)
                {
                    return reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var type) ? type : null;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }
}
