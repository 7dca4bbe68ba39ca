namespace EditBot.Gmi.Http;

/// <summary>Host and path of a URL: what may appear in logs and messages (signed query strings must not).</summary>
public static class SafeUrl
{
    public static string Describe(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.IsAbsoluteUri ? url.Host + url.AbsolutePath : "(relative URL)";
    }

    public static string Describe(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? Describe(parsed) : "(invalid URL)";
}
