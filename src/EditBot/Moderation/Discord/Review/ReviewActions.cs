using EditBot.Bot.Components;
using EditBot.Discord.Models;

namespace EditBot.Moderation.Discord;

/// <summary>The review buttons and the reject modal, with custom ids "eb:approve:{job}", "eb:reject:{job}" and "eb:rejectwhy:{job}".</summary>
public static class ReviewActions
{
    public const string Approve = "approve";
    public const string Reject = "reject";
    public const string RejectReason = "rejectwhy";
    public const string ReasonField = "reason";
    public const int MaxReasonLength = 1000;

    public static IReadOnlyList<MessageComponent> Buttons(Guid jobId) =>
    [
        ComponentBuilder.ActionRow(
            ComponentBuilder.Button(CustomId.ForJob(Approve, jobId).ToString(), "Approve", ButtonStyle.Success),
            ComponentBuilder.Button(CustomId.ForJob(Reject, jobId).ToString(), "Reject", ButtonStyle.Danger)),
    ];

    public static IReadOnlyList<MessageComponent> ReasonModal() =>
    [
        ComponentBuilder.Label(
            "Reason (shown to the requester)",
            ComponentBuilder.TextInput(ReasonField, paragraph: true, required: false, maxLength: MaxReasonLength, placeholder: "e.g. not suitable for this channel")),
    ];
}
