using System.ComponentModel.DataAnnotations;

namespace EditBot.MaskEditor;

/// <summary>
/// The mask editor's keys in the <c>Http</c> section: where browsers reach the bot, how long a link lives, and the key
/// links are signed with. Without <see cref="PublicBaseUrl"/> the editor is off and its entry points say how to enable it.
/// </summary>
public sealed class MaskEditorOptions : IValidatableObject
{
    public const string Section = "Http";

    /// <summary>The address people's browsers reach the bot at, e.g. https://editbot.example.com (a path prefix is kept).</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>How long a link stays valid; it is also single-use.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan MaskLinkLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The HMAC key links are signed with, base64 (at least 32 bytes). When unset, a key is generated on first use and
    /// kept in the store, so every instance and every restart signs and checks with the same one.
    /// </summary>
    public string? MaskLinkKey { get; set; }

    /// <summary>Largest mask upload accepted, in bytes (a black-and-white PNG of the largest image is far smaller).</summary>
    [Range(1024, 64L * 1024 * 1024)]
    public long MaxMaskBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Requests one link may make per minute (page, image and submits together).</summary>
    [Range(1, 10_000)]
    public int RequestsPerLinkPerMinute { get; set; } = 30;

    /// <summary>Requests one network address may make per minute to the editor's pages.</summary>
    [Range(1, 100_000)]
    public int RequestsPerAddressPerMinute { get; set; } = 120;

    public bool Enabled => PublicBaseUrl is not null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PublicBaseUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(url.Query)))
        {
            yield return new ValidationResult(
                "Http:PublicBaseUrl must be an absolute http(s) address without a query, e.g. https://editbot.example.com", [nameof(PublicBaseUrl)]);
        }

        if (MaskLinkKey is { Length: > 0 } key && MaskLinkSigner.TryDecodeKey(key) is null)
        {
            yield return new ValidationResult(
                "Http:MaskLinkKey must be base64 of at least 32 bytes (e.g. `openssl rand -base64 32`), or unset to have one generated", [nameof(MaskLinkKey)]);
        }
    }
}
