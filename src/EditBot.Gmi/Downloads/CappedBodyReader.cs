using System.Globalization;

namespace EditBot.Gmi.Downloads;

/// <summary>Reads a response body into memory, stopping as soon as it exceeds the cap.</summary>
internal static class CappedBodyReader
{
    public static async Task<byte[]> ReadAsync(HttpResponseMessage response, long maxBytes, string what, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is { } declared && declared > maxBytes)
        {
            throw TooLarge(what, maxBytes);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(what, maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static Core.Backend.EditBackendException TooLarge(string what, long maxBytes) =>
        DownloadTargetGuard.Refused(string.Create(CultureInfo.InvariantCulture,
            $"Download from {what} refused: larger than Downloads:MaxBytes ({maxBytes} bytes)"));
}
