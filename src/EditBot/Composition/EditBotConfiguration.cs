using Microsoft.Extensions.Configuration;

namespace EditBot.Composition;

/// <summary>Where settings come from, lowest precedence first: appsettings files, environment, command line.</summary>
public static class EditBotConfiguration
{
    public static void AddEditBotSources(this IConfigurationBuilder builder, string environmentName, string[] args)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The app folder first (the Docker image and `dotnet run`), then the working folder (operators' own file).
        foreach (var folder in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() }.Distinct())
        {
            builder.AddJsonFile(Path.Combine(folder, "appsettings.json"), optional: true, reloadOnChange: false);
            builder.AddJsonFile(Path.Combine(folder, $"appsettings.{environmentName}.json"), optional: true, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables();
        builder.AddCommandLine(args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)).ToArray());
    }
}
