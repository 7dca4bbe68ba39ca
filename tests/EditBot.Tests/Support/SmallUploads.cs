using System.Globalization;

namespace EditBot.Tests.Support;

/// <summary>
/// A bot whose Discord takes small uploads, so the fake GMI's small results are "large": Discord's per-file limit
/// (told in interactions' <c>attachment_size_limit</c> too) and its request total, which the bot is configured with.
/// </summary>
public static class SmallUploads
{
    public static async Task<BotHarness> StartAsync(long perFile, long perRequest)
    {
        var bot = await BotHarness.StartAsync(new Dictionary<string, string> { ["Imaging:MaxBytesPerMessage"] = perRequest.ToString(CultureInfo.InvariantCulture) });
        bot.Discord.AttachmentSizeLimit = perFile;
        bot.Discord.RequestUploadLimit = perRequest;
        return bot;
    }
}
