using System.Globalization;
using System.Text.Json;
using EditBot.Discord.Models;

namespace EditBot.Discord.Interactions;

/// <summary>Reads command options, context-menu targets, component ids and modal values out of an interaction.</summary>
public static class InteractionDataExtensions
{
    /// <summary>The invoked subcommand path, e.g. "image" or "settings limits"; empty for a plain command.</summary>
    public static string SubcommandPath(this InteractionData data) =>
        string.Join(' ', Subcommands(data).Select(sub => sub.Name));

    /// <summary>The options given to the invoked (sub)command.</summary>
    public static IReadOnlyList<InteractionDataOption> LeafOptions(this InteractionData data) =>
        Subcommands(data).LastOrDefault() is { } leaf ? leaf.Options ?? [] : data.Options ?? [];

    public static string? GetString(this InteractionData data, string name) =>
        Find(data, name)?.Value is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static long? GetInteger(this InteractionData data, string name) =>
        Find(data, name)?.Value is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var number) ? number : null;

    public static double? GetNumber(this InteractionData data, string name) =>
        Find(data, name)?.Value is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : null;

    public static bool? GetBoolean(this InteractionData data, string name) =>
        Find(data, name)?.Value is { ValueKind: JsonValueKind.True or JsonValueKind.False } value ? value.GetBoolean() : null;

    /// <summary>An ATTACHMENT option, looked up in <c>resolved.attachments</c>.</summary>
    public static Attachment? GetAttachment(this InteractionData data, string name) =>
        data.GetString(name) is { } id ? data.ResolvedAttachment(id) : null;

    /// <summary>The message a message command was used on.</summary>
    public static Message? TargetMessage(this InteractionData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.TargetId is { } id && data.Resolved?.Messages?.TryGetValue(Key(id), out var message) == true ? message : null;
    }

    /// <summary>The submitted value of a modal text input.</summary>
    public static string? GetModalValue(this InteractionData data, string customId) =>
        FindComponent(data, customId)?.Value;

    /// <summary>The attachment ids a modal file upload returned.</summary>
    public static IReadOnlyList<ulong> GetModalAttachmentIds(this InteractionData data, string customId) =>
        FindComponent(data, customId)?.Values?.Select(v => ulong.Parse(v, CultureInfo.InvariantCulture)).ToList() ?? [];

    /// <summary>The files a modal file upload returned, from <c>resolved.attachments</c>.</summary>
    public static IReadOnlyList<Attachment> GetModalAttachments(this InteractionData data, string customId) =>
        [.. data.GetModalAttachmentIds(customId).Select(id => data.ResolvedAttachment(Key(id))).OfType<Attachment>()];

    private static Attachment? ResolvedAttachment(this InteractionData data, string id) =>
        data.Resolved?.Attachments?.TryGetValue(id, out var attachment) == true ? attachment : null;

    /// <summary>The chain of invoked subcommand group and subcommand options, outermost first.</summary>
    private static IEnumerable<InteractionDataOption> Subcommands(InteractionData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var options = data.Options;
        while (options?.FirstOrDefault(o => o.Type is CommandOptionType.SubCommand or CommandOptionType.SubCommandGroup) is { } sub)
        {
            yield return sub;
            options = sub.Options;
        }
    }

    private static InteractionDataOption? Find(InteractionData data, string name) =>
        data.LeafOptions().FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.Ordinal));

    private static MessageComponent? FindComponent(InteractionData data, string customId)
    {
        ArgumentNullException.ThrowIfNull(data);
        var pending = new Stack<MessageComponent>(data.Components ?? []);
        while (pending.TryPop(out var component))
        {
            if (string.Equals(component.CustomId, customId, StringComparison.Ordinal) && component.Type != ComponentType.Label)
            {
                return component;
            }

            if (component.Component is { } child)
            {
                pending.Push(child);
            }

            foreach (var nested in component.Components ?? [])
            {
                pending.Push(nested);
            }
        }

        return null;
    }

    private static string Key(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
