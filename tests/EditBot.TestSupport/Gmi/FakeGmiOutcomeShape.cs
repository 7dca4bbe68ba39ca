namespace EditBot.TestSupport.Gmi;

/// <summary>How a success outcome lists its media.</summary>
public enum FakeGmiOutcomeShape
{
    /// <summary>media_urls[{id,url}] + thumbnail_image_url (documented)</summary>
    MediaUrls,
    /// <summary>image_url (one image)</summary>
    ImageUrl,
    /// <summary>medias[] of URLs</summary>
    Medias,
}
