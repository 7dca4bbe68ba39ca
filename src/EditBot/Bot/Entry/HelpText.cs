using EditBot.Bot.Intake;

namespace EditBot.Bot.Entry;

/// <summary>The /editbot help text: what the bot does, how to ask, the limits, examples.</summary>
public static class HelpText
{
    public static string Render(BotExperienceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return $"""
            **EditBot edits images with AI.** Give it an image and say what to change.

            **Three ways to ask**
            - `/edit image:<file> prompt:<what to change>`: options `mask` (white = edit), `region` (top, bottom, left, right, center, full) or `box` (`x,y,w,h` in percent), `size`, `quality`, `count` (1–{EditInputRules.MaxCount}), `private` (only you see it).
            - **Apps → Edit image** on any message with an image: type the prompt, optionally upload a mask.
            - Reply to an image and mention me: `@EditBot make the sky a stormy sunset`. Reply to one of my results to refine it: `@EditBot darker sky`.

            Results go to a thread, with **Re-roll**, **Edit this** and **Delete** buttons.

            **Limits**: prompts up to {options.MaxPromptLength} characters; at most {options.MaxRunningPerUser} edits running and {options.MaxQueuedPerUser} waiting per person.
            `/editbot status` shows your edits in progress (and any I could not deliver, with their results); `/editbot history` lists your recent edits with where they went, what they cost, **Re-roll** and **Results**; `/editbot cancel` stops one.

            **Examples**
            - `/edit prompt:replace the background with a beach at sunset`
            - `/edit prompt:add a red scarf region:bottom`
            - `/edit prompt:turn it into a watercolor painting count:4`
            """;
    }
}
