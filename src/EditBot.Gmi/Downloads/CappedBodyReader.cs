using System.Globalization;

namespace EditBot.Gmi.Downloads;

/// <summary>Reads a response body into memory, stopping as soon as it exceeds the cap.</summary>
internal static class CappedBodyReader
{
    public static async Task<byte[]> ReadAsync(HttpResponseMessage response, long maxBytes, string what, CancellationToken cancellationToken)
    {
        var declared = response.Content.Headers.ContentLength;
        if (declared > maxBytes)
        {
            throw TooLarge(what, maxBytes);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        // Sized to the declared length, so the usual body is read into its final array without regrowing or copying.
        using var buffer = new MemoryStream((int)Math.Min(declared ?? 0, Array.MaxLength));
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

        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }

    private static Core.Backend.EditBackendException TooLarge(string what, long maxBytes) =>
        DownloadTargetGuard.Refused(string.Create(CultureInfo.InvariantCulture,
            $"Download from {what} refused: larger than Downloads:MaxBytes ({maxBytes} bytes)"));
}
