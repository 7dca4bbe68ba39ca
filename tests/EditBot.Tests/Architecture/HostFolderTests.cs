using System.Text.RegularExpressions;

namespace EditBot.Tests.Architecture;

/// <summary>
/// The host project's rooms (issue 11): no folder imports one that imports it back, directly or through others, so a
/// newcomer can read them bottom-up. A folder's imports are the host namespaces its files name (usings and fully
/// qualified names), read from the source. Before the restructuring this found Bot -> Hosting -> Bot,
/// Cli -> Engine -> Cli, Cli -> Hosting -> Cli and Observability -> Hosting -> Observability.
/// </summary>
public sealed partial class HostFolderTests
{
    [GeneratedRegex(@"\bEditBot\.(\w+)(\.Discord)?\b")]
    private static partial Regex NamedNamespace();

    [GeneratedRegex(@"^namespace\s+EditBot\.(\w+)(\.Discord)?\b", RegexOptions.Multiline)]
    private static partial Regex DeclaredNamespace();

    [Fact]
    public void No_host_folder_imports_one_that_imports_it_back()
    {
        var graph = ReadGraph(Path.Combine(SourceTree.Source, "EditBot"));

        Assert.True(graph.Count >= 6, "The host folders were not found: " + string.Join(", ", graph.Keys));
        Assert.True(Circles(graph).Count == 0, "Host folders that import each other:\n" + string.Join("\n", Circles(graph)) + "\n\nImports:\n" + Describe(graph));
    }

    [Fact]
    public void The_check_finds_a_circle_through_a_third_folder_and_tells_the_moderation_project_from_the_hosts_folder()
    {
        var root = Path.Combine(Path.GetTempPath(), "editbot-folders-" + Guid.NewGuid().ToString("N"));
        try
        {
            WriteCircle(root);
            var graph = ReadGraph(root);

            Assert.Equal(["Origin"], graph["Bot"]);
            Assert.Equal(["Bot -> Origin", "Moderation -> Bot", "Origin -> Moderation"], Circles(graph));
        }
        finally
        {
            Support.TempFolder.DeleteQuietly(root);
        }
    }

    /// <summary>Bot -> Origin -> Moderation (host folder, by a fully qualified name) -> Bot; Verbs only imports Bot.</summary>
    private static void WriteCircle(string root)
    {
        Write(root, "Bot/Intake/Intake.cs", "using EditBot.Origin;\nusing EditBot.Moderation;\nnamespace EditBot.Bot.Intake;");
        Write(root, "Origin/Reader.cs", "namespace EditBot.Origin;\nclass R { EditBot.Moderation.Discord.Policy? P; }");
        Write(root, "Moderation/Discord/Policy.cs", "using EditBot.Bot.Intake;\nnamespace EditBot.Moderation.Discord;");
        Write(root, "Verbs/Run.cs", "using EditBot.Bot.Intake;\nnamespace EditBot.Verbs;");
    }

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Each top-level folder of <paramref name="host"/> and the other top-level folders whose namespaces its files name.</summary>
    private static Dictionary<string, HashSet<string>> ReadGraph(string host)
    {
        var folders = Directory.EnumerateDirectories(host).Select(Path.GetFileName).OfType<string>().Where(f => f is not ("bin" or "obj")).ToHashSet(StringComparer.Ordinal);
        var graph = folders.ToDictionary(f => f, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(host, folder), "*.cs", SearchOption.AllDirectories))
            {
                var text = File.ReadAllText(file);
                var own = DeclaredNamespace().Match(text) is { Success: true } declared ? FolderOf(declared, folders) : null;
                foreach (Match named in NamedNamespace().Matches(text))
                {
                    if (FolderOf(named, folders) is { } target && target != folder && target != own)
                    {
                        graph[folder].Add(target);
                    }
                }
            }
        }

        return graph;
    }

    /// <summary>The host folder a namespace belongs to; null for other projects' ("EditBot.Moderation" without ".Discord" is the project).</summary>
    private static string? FolderOf(Match name, HashSet<string> folders)
    {
        var first = name.Groups[1].Value;
        return !folders.Contains(first) ? null
            : first == "Moderation" && !name.Groups[2].Success ? null
            : first;
    }

    /// <summary>Every import "A -> B" where B leads back to A.</summary>
    private static List<string> Circles(Dictionary<string, HashSet<string>> graph) =>
        [.. graph.Keys.Order(StringComparer.Ordinal)
            .SelectMany(from => graph[from].Order(StringComparer.Ordinal).Where(to => Reaches(graph, to, from)).Select(to => $"{from} -> {to}"))];

    private static bool Reaches(Dictionary<string, HashSet<string>> graph, string from, string to)
    {
        var seen = new HashSet<string>();
        var pending = new Stack<string>([from]);
        while (pending.TryPop(out var at))
        {
            if (at == to)
            {
                return true;
            }

            if (seen.Add(at) && graph.TryGetValue(at, out var next))
            {
                foreach (var n in next)
                {
                    pending.Push(n);
                }
            }
        }

        return false;
    }

    private static string Describe(Dictionary<string, HashSet<string>> graph) =>
        string.Join("\n", graph.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} -> {string.Join(", ", p.Value.Order(StringComparer.Ordinal))}"));
}
