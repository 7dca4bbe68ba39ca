using Microsoft.Extensions.Configuration;

namespace EditBot.Verbs;

/// <summary>
/// <c>EditBot healthcheck</c>: asks the running bot's /healthz on its own Http:Urls port. The runtime image has
/// no curl, so Docker's HEALTHCHECK calls the binary itself.
/// </summary>
public static class HealthcheckVerb
{
    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder();
        Composition.EditBotConfiguration.AddEditBotSources(configuration, Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production", args);
        var urls = configuration.Build()["Http:Urls"] ?? "http://0.0.0.0:8080";
        var first = new Uri(urls.Split(';', StringSplitOptions.RemoveEmptyEntries)[0].Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("+", "127.0.0.1", StringComparison.Ordinal).Replace("*", "127.0.0.1", StringComparison.Ordinal));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
        try
        {
            using var response = await http.GetAsync(new Uri(first, "/healthz"));
            Console.WriteLine($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (HttpRequestException e)
        {
            Console.Error.WriteLine($"healthcheck: {e.Message}");
            return 1;
        }
        catch (TaskCanceledException)
        {
            Console.Error.WriteLine("healthcheck: no answer within 4 s");
            return 1;
        }
    }
}
