namespace EditBot.TestSupport.Gmi;

/// <summary>An object served at /static/{name}: bytes (chunked, without Content-Length, if asked), or a redirect when Location is set.</summary>
internal sealed record FakeGmiStaticObject(byte[] Content, string ContentType, string? Location, int StatusCode, bool Chunked = false);
