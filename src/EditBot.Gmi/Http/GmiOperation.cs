namespace EditBot.Gmi.Http;

/// <summary>Which call failed: decides how a 404 reads and whether a submit may have been accepted.</summary>
internal enum GmiOperation
{
    Submit,
    GetRequest,
    ListRequests,
    Models,
    UploadUrl,
    UploadPut,
}
