namespace EditBot.Core.Engine;

/// <summary>
/// The lease owner written by one claim: the worker id (for people reading the store) plus a fresh token, so two runs
/// of one job in one process never share an identity and a stalled run cannot write over a later claim.
/// </summary>
internal static class ClaimOwner
{
    public static string New(string workerId) => workerId + "/" + Guid.NewGuid().ToString("N");
}
