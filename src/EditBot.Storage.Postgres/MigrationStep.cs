using System.Globalization;
using System.Reflection;

namespace EditBot.Storage.Postgres;

/// <summary>One schema step: its number (from the file name NNNN_name.sql), name and script.</summary>
internal sealed record MigrationStep(int Version, string Name, string Sql)
{
    public static MigrationStep FromResource(Assembly assembly, string fileName, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Migration resource {resourceName} is missing.");
        using var reader = new StreamReader(stream);
        var separator = fileName.IndexOf('_', StringComparison.Ordinal);
        var version = int.Parse(fileName[..separator], NumberStyles.None, CultureInfo.InvariantCulture);
        return new MigrationStep(version, fileName[(separator + 1)..^".sql".Length], reader.ReadToEnd());
    }
}
