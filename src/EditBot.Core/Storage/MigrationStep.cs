using System.Globalization;
using System.Reflection;

namespace EditBot.Core.Storage;

/// <summary>One schema step of a storage provider: its number (from the file name NNNN_name.sql), name and script.</summary>
public sealed record MigrationStep(int Version, string Name, string Sql)
{
    /// <summary>
    /// The embedded resources of <paramref name="assembly"/> named <paramref name="resourcePrefix"/>NNNN_name.sql,
    /// ordered by version.
    /// </summary>
    public static IReadOnlyList<MigrationStep> LoadEmbedded(Assembly assembly, string resourcePrefix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(resourcePrefix);
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(resourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => FromResource(assembly, n[resourcePrefix.Length..], n))
            .OrderBy(s => s.Version)
            .ToList();
    }

    private static MigrationStep FromResource(Assembly assembly, string fileName, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Migration resource {resourceName} is missing.");
        using var reader = new StreamReader(stream);
        var separator = fileName.IndexOf('_', StringComparison.Ordinal);
        var version = int.Parse(fileName[..separator], NumberStyles.None, CultureInfo.InvariantCulture);
        return new MigrationStep(version, fileName[(separator + 1)..^".sql".Length], reader.ReadToEnd());
    }
}
