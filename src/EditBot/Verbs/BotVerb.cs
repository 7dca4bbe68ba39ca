namespace EditBot.Verbs;

/// <summary><c>EditBot run</c> (the default): the Discord bot. Assembled in Hosting/BotHost.</summary>
public static class BotVerb
{
    public static Task<int> RunAsync(string[] args) => Composition.BotHost.RunAsync(args);
}
