namespace EditBot.TestSupport.Gmi;

public enum FakeGmiFaultKind
{
    /// <summary>Answer with a status code (and optional body and Retry-After) instead of handling the call.</summary>
    Status,
    /// <summary>Wait (real time, ends early if the client goes away), then handle the call normally.</summary>
    Delay,
    /// <summary>Answer 200 with broken JSON. On submit the request is created first.</summary>
    MalformedJson,
    /// <summary>Abort the connection without handling the call.</summary>
    Drop,
    /// <summary>Submit only: create the request, then abort the connection before answering.</summary>
    AcceptThenDrop,
    /// <summary>Submit only: create the request, then answer with an error status (a 5xx after the work was done).</summary>
    AcceptThenFail,
    /// <summary>Submit only: the request is accepted and ends as a terminal "failed" record with the given text.</summary>
    FailWith,
}
