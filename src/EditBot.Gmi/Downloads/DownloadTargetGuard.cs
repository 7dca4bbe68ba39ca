using System.Globalization;
using System.Net;
using EditBot.Core.Backend;
using EditBot.Gmi.Http;

namespace EditBot.Gmi.Downloads;

/// <summary>Checks a URL before any connection: https, an allowed host (exact, case-insensitive), no private IP literal.</summary>
internal sealed class DownloadTargetGuard(DownloadOptions options)
{
    private readonly HashSet<string> _allowedHosts = new(options.EffectiveAllowedHosts(), StringComparer.OrdinalIgnoreCase);

    public void Check(Uri url, bool isRedirect)
    {
        var what = (isRedirect ? "Redirect to " : "Download from ") + SafeUrl.Describe(url);
        var secure = url.Scheme == Uri.UriSchemeHttps;
        var plainAllowed = options.AllowPrivateAddresses && url.Scheme == Uri.UriSchemeHttp;
        if (!secure && !plainAllowed)
        {
            throw Refused(what + " refused: only https URLs are fetched");
        }

        if (!_allowedHosts.Contains(url.IdnHost))
        {
            throw Refused(string.Create(CultureInfo.InvariantCulture,
                $"{what} refused: host {url.IdnHost} is not in Downloads:AllowedHosts"));
        }

        if (!options.AllowPrivateAddresses && IPAddress.TryParse(url.IdnHost, out var literal) && AddressPolicy.IsNonPublic(literal))
        {
            throw Refused(what + " refused: private or reserved addresses are not fetched");
        }
    }

    public static EditBackendException Refused(string message) => new(BackendErrorKind.DownloadRefused, message);
}
