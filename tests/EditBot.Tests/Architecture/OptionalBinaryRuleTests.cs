using System.Text.RegularExpressions;

namespace EditBot.Tests.Architecture;

/// <summary>
/// A rule the compiler cannot keep: a null byte[] assigned to a nullable Memory becomes an empty but non-null Memory,
/// which once sent every unmasked edit to GMI as "mask": "". Optional binary data is a nullable array everywhere.
/// </summary>
public sealed partial class OptionalBinaryRuleTests
{
    [GeneratedRegex(@"(ReadOnly)?Memory<byte>\s*\?|Nullable<\s*(ReadOnly)?Memory<byte>\s*>")]
    private static partial Regex NullableMemory();

    [Fact]
    public void No_source_file_declares_a_nullable_memory_of_bytes()
    {
        var source = SourceTree.Source;
        var offenders = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => !l.Text.TrimStart().StartsWith("//", StringComparison.Ordinal) && !l.Text.TrimStart().StartsWith("///", StringComparison.Ordinal) && NullableMemory().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(source, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Use byte[]? for optional binary data:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_rule_catches_the_shapes_that_caused_the_empty_mask()
    {
        Assert.Matches(NullableMemory(), "ReadOnlyMemory<byte>? mask = null;");
        Assert.Matches(NullableMemory(), "Memory<byte>? x");
        Assert.Matches(NullableMemory(), "Nullable<ReadOnlyMemory<byte>> x");
        Assert.DoesNotMatch(NullableMemory(), "ReadOnlyMemory<byte> image, byte[]? mask");
    }
}
