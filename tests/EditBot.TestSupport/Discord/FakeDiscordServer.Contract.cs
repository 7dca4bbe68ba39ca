using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EditBot.TestSupport.Discord.Contract;
using Microsoft.AspNetCore.Http;

namespace EditBot.TestSupport.Discord;

/// <summary>The contract check: request bodies against Discord's OpenAPI description, plus the wire rules it cannot express.</summary>
public sealed partial class FakeDiscordServer
{
    private static readonly Regex FilePartName = new(@"^files\[(\d+)\]$", RegexOptions.CultureInvariant);

    private static readonly HashSet<string> MessageCreatingRoutes = new(StringComparer.Ordinal)
    {
        "POST /channels/{channel_id}/messages",
        "POST /webhooks/{application_id}/{interaction_token}",
    };

    private readonly List<string> _violations = [];
    private readonly List<string> _sentOnPurpose = [];

    /// <summary>Everything the client sent that Discord would reject or that breaks the bot's wire rules.</summary>
    public IReadOnlyList<string> ContractViolations
    {
        get
        {
            lock (_sync)
            {
                return [.. _violations];
            }
        }
    }

    /// <summary>Throws, listing the violations, when any request broke the contract (also done at disposal).</summary>
    public void AssertNoContractViolations()
    {
        List<string> violations;
        lock (_sync)
        {
            violations = [.. _violations.Where(v => !_sentOnPurpose.Any(fragment => v.Contains(fragment, StringComparison.Ordinal)))];
        }

        if (violations.Count > 0)
        {
            throw new FakeDiscordContractException(violations);
        }
    }

    /// <summary>
    /// Declares violations containing <paramref name="fragment"/> sent on purpose: they are still recorded and listed in
    /// <see cref="ContractViolations"/>, but do not fail the test at disposal. Unlike <see cref="ClearContractViolations"/>,
    /// this also covers a request the fake is still reading when the test ends (a bot stopped mid-request: the fake
    /// records it after the client gave up).
    /// </summary>
    public void ExpectContractViolations(string fragment)
    {
        lock (_sync)
        {
            _sentOnPurpose.Add(fragment);
        }
    }

    /// <summary>Forgets the violations so far: for a test that sends a bad body on purpose and has asserted on it.</summary>
    public void ClearContractViolations()
    {
        lock (_sync)
        {
            _violations.Clear();
        }
    }

    /// <summary>
    /// Records every violation of the request and returns Discord's 400 50035 when the body breaks the API description
    /// (Discord refuses such bodies); wire rules of the bot's own (User-Agent, allowed_mentions, file parts) are only
    /// recorded, since Discord would accept them.
    /// </summary>
    private FakeResult? CheckContract(HttpContext context, FakeRoute route, string apiPath, string? text, JsonNode? json, List<FakeUploadedFile> files)
    {
        var found = new List<string>();
        if (!context.Request.Headers.UserAgent.ToString().StartsWith("DiscordBot (", StringComparison.Ordinal))
        {
            found.Add($"{route.Key}: User-Agent must be 'DiscordBot (url, version)', was '{context.Request.Headers.UserAgent}'");
        }

        if (text is not null && json is null)
        {
            found.Add($"{route.Key}: the body is not valid JSON");
        }

        var refusal = json is null ? null : CheckBody(context.Request, route, apiPath, json, files, found);
        Record(found);
        return refusal;
    }

    private void Record(IEnumerable<string> violations)
    {
        lock (_sync)
        {
            _violations.AddRange(violations);
        }
    }

    /// <summary>A parsed body (JSON or multipart payload_json) against the OpenAPI description and the message rules.</summary>
    private static FakeResult? CheckBody(HttpRequest request, FakeRoute route, string apiPath, JsonNode json, List<FakeUploadedFile> files, List<string> found)
    {
        var mediaType = request.HasFormContentType ? "multipart/form-data" : "application/json";
        using var document = JsonDocument.Parse(json.ToJsonString());
        var errors = OpenApiContract.Discord.RequestErrors(request.Method, apiPath, mediaType, document.RootElement);
        var template = OpenApiContract.Discord.MatchTemplate(apiPath) ?? apiPath;
        found.AddRange(errors.Select(e => $"{request.Method} {template}: {e}"));
        found.AddRange(CheckMessageRules(route, json as JsonObject, files));
        return errors.Count == 0 ? null : FakeResult.Error(400, 50035, "Invalid Form Body", DiscordFormErrors.Build(errors));
    }

    private static IEnumerable<string> CheckMessageRules(FakeRoute route, JsonObject? body, List<FakeUploadedFile> files)
    {
        if (body is null)
        {
            yield break;
        }

        var callbackType = route.Template.EndsWith("/callback", StringComparison.Ordinal) ? (int?)body["type"]?.GetValue<int>() : null;
        var message = callbackType is 4 or 7 ? body["data"] as JsonObject : MessageCreatingRoutes.Contains(route.Key) ? body : null;
        if (message is not null && message["allowed_mentions"] is null)
        {
            yield return $"{route.Key}: message body without allowed_mentions (the bot always sends it, {{\"parse\":[]}} by default)";
        }

        var declared = ((body["attachments"] ?? (body["data"] as JsonObject)?["attachments"] ?? (body["message"] as JsonObject)?["attachments"]) as JsonArray)?
            .Select(a => a?["id"]?.ToString()).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var file in files)
        {
            if (FilePartName.Match(file.PartName) is not { Success: true } match)
            {
                yield return $"{route.Key}: file part named '{file.PartName}', expected files[n]";
            }
            else if (!declared.Contains(match.Groups[1].Value))
            {
                yield return $"{route.Key}: file part {file.PartName} has no attachments entry with id {match.Groups[1].Value}";
            }

            if (string.IsNullOrEmpty(file.FileName))
            {
                yield return $"{route.Key}: file part {file.PartName} has no filename";
            }
        }
    }
}
