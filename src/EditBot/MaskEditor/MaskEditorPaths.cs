namespace EditBot.MaskEditor;

/// <summary>The editor's routes, relative to the bot's root and to <c>Http:PublicBaseUrl</c> (whose path prefix is kept).</summary>
public static class MaskEditorPaths
{
    public const string Root = "/mask";

    public static Uri Page(Uri publicBaseUrl, string token)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        return new Uri(publicBaseUrl.AbsoluteUri.TrimEnd('/') + Root + "/" + token);
    }
}
