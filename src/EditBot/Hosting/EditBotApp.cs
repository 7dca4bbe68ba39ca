namespace EditBot.Hosting;

/// <summary>Entry point: picks the verb (run the bot, or an operator verb) and runs it.</summary>
public static class EditBotApp
{
    public static Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        Console.Error.WriteLine("EditBot: the host is being assembled; no verb is available yet.");
        return Task.FromResult(2);
    }
}
