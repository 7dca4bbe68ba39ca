using System.Text;
using System.Text.Json;
using EditBot.Discord.Models;

namespace EditBot.Discord.Commands;

/// <summary>
/// Decides whether registered commands already match the definitions, on the fields that change behaviour: what
/// Discord adds (ids, versions) or defaults (type 1, required false) does not count as a difference.
/// </summary>
public static class CommandDefinitionComparer
{
    public static bool AreEquivalent(IReadOnlyList<ApplicationCommand> registered, IReadOnlyList<ApplicationCommand> desired)
    {
        ArgumentNullException.ThrowIfNull(registered);
        ArgumentNullException.ThrowIfNull(desired);
        if (registered.Count != desired.Count)
        {
            return false;
        }

        var byKey = registered.ToDictionary(c => (c.Type ?? ApplicationCommandType.ChatInput, c.Name));
        foreach (var wanted in desired)
        {
            if (!byKey.TryGetValue((wanted.Type ?? ApplicationCommandType.ChatInput, wanted.Name), out var current)
                || Canonical(current, wanted) != Canonical(wanted, wanted))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The semantic fields as JSON text. Fields only some definitions set (contexts, integration types, dm_permission)
    /// are compared only when <paramref name="shape"/> (the desired definition) sets them.
    /// </summary>
    internal static string Canonical(ApplicationCommand command, ApplicationCommand shape)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteNumber("type", command.Type ?? ApplicationCommandType.ChatInput);
            writer.WriteString("name", command.Name);
            writer.WriteString("description", command.Description ?? "");
            writer.WriteString("default_member_permissions", command.DefaultMemberPermissions);
            writer.WriteBoolean("nsfw", command.Nsfw ?? false);
            if (shape.Contexts is not null)
            {
                WriteSorted(writer, "contexts", command.Contexts);
            }

            if (shape.IntegrationTypes is not null)
            {
                WriteSorted(writer, "integration_types", command.IntegrationTypes);
            }

            if (shape.DmPermission is not null)
            {
                writer.WriteBoolean("dm_permission", command.DmPermission ?? true);
            }

            WriteOptions(writer, command.Options);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteOptions(Utf8JsonWriter writer, IReadOnlyList<CommandOption>? options)
    {
        writer.WriteStartArray("options");
        foreach (var option in options ?? [])
        {
            writer.WriteStartObject();
            writer.WriteNumber("type", option.Type);
            writer.WriteString("name", option.Name);
            writer.WriteString("description", option.Description);
            writer.WriteBoolean("required", option.Required ?? false);
            writer.WriteBoolean("autocomplete", option.Autocomplete ?? false);
            WriteNumber(writer, "min_value", option.MinValue);
            WriteNumber(writer, "max_value", option.MaxValue);
            WriteNumber(writer, "min_length", option.MinLength);
            WriteNumber(writer, "max_length", option.MaxLength);
            WriteSorted(writer, "channel_types", option.ChannelTypes);
            writer.WriteStartArray("choices");
            foreach (var choice in option.Choices ?? [])
            {
                writer.WriteStartObject();
                writer.WriteString("name", choice.Name);
                writer.WritePropertyName("value");
                choice.Value.WriteTo(writer);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            WriteOptions(writer, option.Options);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    private static void WriteSorted(Utf8JsonWriter writer, string name, IReadOnlyList<int>? values)
    {
        writer.WriteStartArray(name);
        foreach (var value in (values ?? []).Order())
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
    }
}
