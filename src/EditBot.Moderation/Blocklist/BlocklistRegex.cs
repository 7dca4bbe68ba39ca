using System.Text.RegularExpressions;

namespace EditBot.Moderation;

/// <summary>
/// Compiles a regular-expression entry safely: case-insensitive, culture-invariant, with a match timeout, and with
/// the linear-time NonBacktracking engine unless the pattern needs a construct only the backtracking engine has
/// (look-arounds, back-references), in which case the timeout alone bounds it.
/// </summary>
internal static class BlocklistRegex
{
    private const RegexOptions Common = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    public static Regex? TryCompile(string pattern, TimeSpan timeout, out string? error)
    {
        error = null;
        try
        {
            return new Regex(pattern, Common | RegexOptions.NonBacktracking, timeout);
        }
        catch (NotSupportedException)
        {
            // NonBacktracking refuses look-arounds and back-references: fall back to the bounded backtracking engine.
        }
        catch (ArgumentException e)
        {
            error = e.Message;
            return null;
        }

        try
        {
            return new Regex(pattern, Common, timeout);
        }
        catch (ArgumentException e)
        {
            error = e.Message;
            return null;
        }
    }
}
