namespace EditBot.TestSupport.Gmi;

/// <summary>The routes of <see cref="FakeGmiServer"/> that scripted faults can target.</summary>
public enum FakeGmiRoute
{
    /// <summary>POST /requests</summary>
    Submit,
    /// <summary>GET /requests/{id}</summary>
    GetRequest,
    /// <summary>GET /requests?model_id=</summary>
    ListRequests,
    /// <summary>GET /models and /models/{id}</summary>
    Models,
    /// <summary>POST /upload-url</summary>
    UploadUrl,
    /// <summary>PUT of the presigned upload URL</summary>
    UploadPut,
    /// <summary>GET of result media, uploaded objects and static objects</summary>
    Media,
}
